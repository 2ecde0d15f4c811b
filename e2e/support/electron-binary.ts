/** The e2e suite finds Electron exactly as `npm start` and the install step do. */
export { findElectronBinary, type ElectronBinary } from '../../scripts/electron-binary.mjs';
