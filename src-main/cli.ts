/** The command line (`marginalia`, see bin/marginalia.mjs): exports and imports, with the app's own services. */
import { runCli } from './cli/run-export';

const status = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = status;
