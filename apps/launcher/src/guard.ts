import { spawn } from 'node:child_process';

/**
 * node guard.js <command> [args…]: runs a program that cannot watch the launcher itself (the Temporal dev server)
 * and ends it when the launcher ends, however it ends (its IPC channel closes), or when told to (SIGTERM, SIGINT);
 * exits as the program does.
 */
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node guard.js <command> [args…]');
  process.exit(2);
}
const GRACE_MS = 15_000;
const program = spawn(command, args, { stdio: 'inherit' });
let ending = false;
const end = (): void => {
  if (ending) return;
  ending = true;
  program.kill('SIGTERM');
  setTimeout(() => program.kill('SIGKILL'), GRACE_MS).unref();
};
process.on('SIGTERM', end);
process.on('SIGINT', end);
process.once('disconnect', end);
process.channel?.unref();
program.once('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
program.once('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
