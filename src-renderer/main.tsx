// First, before React and the app are evaluated: the library's first rows are on their way
// while the rest of this bundle runs (see early-first-rows.ts).
import './ask-first-rows';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/literata/400.css';
import '@fontsource/literata/400-italic.css';
import '@fontsource/literata/600.css';
import '@fontsource/literata/700.css';
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import './styles/index.css';
import { App } from './App';
import { preloadReaderFonts } from './reader-fonts';
import { startApp } from './state/start-app';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void startApp();
preloadReaderFonts();
