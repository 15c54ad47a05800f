import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A module of the TypeScript sources run in a process of its own (a second api or worker, say), compiled as the tests
 * compile them (swc-hooks.ts), with `#persistence` and the other package imports resolved to the sources.
 */
export function forkSources(module: URL, args: readonly string[]): ChildProcess {
  return fork(fileURLToPath(module), [...args], {
    execArgv: ['--no-warnings', '--conditions=qinglian-source', '--import', fileURLToPath(new URL('./swc-hooks.ts', import.meta.url))],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The next message of the child, or an error when it exits before sending one. */
export function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null): void => {
      child.off('message', answered);
      reject(new Error(`the child process exited (${String(code)}) before it answered`));
    };
    const answered = (message: T): void => {
      child.off('exit', exited);
      resolve(message);
    };
    child.once('message', answered);
    child.once('exit', exited);
  });
}
