import { execFile } from 'node:child_process';

/**
 * Runs the CLI without blocking this process: the api under test shares it, and a blocked event loop lets its
 * keep-alive sockets time out under the client's next request (ECONNRESET).
 */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['dist/apps/cli/src/main.js', ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(input ?? '');
  });
}
