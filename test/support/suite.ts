import { afterAll, beforeAll, describe } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DATABASE_KINDS, type TestDatabase } from './databases.js';
import { startStack, type RunningStack } from './stack.js';
import { startDevServer } from './temporal.js';

export type DatabaseKind = (typeof DATABASE_KINDS)[number][0];

/**
 * What the hooks of a block start. The properties are getters: they answer inside the block's tests and hooks, and
 * throw when read while the tests are being collected, before anything has started.
 */
export interface DevServer {
  readonly env: TestWorkflowEnvironment;
}

export interface StackContext extends DevServer {
  readonly database: TestDatabase;
  readonly stack: RunningStack;
}

export interface SuiteContext extends StackContext {
  readonly kind: DatabaseKind;
}

export interface StackOptions {
  /** Variables for the stack (see startStack); a function when they are known only once earlier hooks have run. */
  readonly environment?: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>);
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} starts in a beforeAll hook: read it inside a test or a hook`);
  return value;
}

/** A Temporal dev server for the enclosing block: started before its tests, torn down after them. */
export function useDevServer(): DevServer {
  let env: TestWorkflowEnvironment | undefined;
  beforeAll(async () => {
    env = await startDevServer();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  return {
    get env() {
      return started(env, 'the Temporal dev server');
    },
  };
}

/**
 * A fresh database and a stack on it for the enclosing block, on `devServer`'s cluster or, without one, on a dev
 * server of its own. Everything is stopped after the block's tests, in the reverse order of starting: one afterAll
 * does it all, since Jest runs the afterAll hooks of a block in the order they were declared.
 */
export function useStack(createDatabase: () => Promise<TestDatabase>, options: StackOptions & { readonly devServer?: DevServer } = {}): StackContext {
  let ownEnv: TestWorkflowEnvironment | undefined;
  let database: TestDatabase | undefined;
  let stack: RunningStack | undefined;
  const envOf = () => (options.devServer ? options.devServer.env : started(ownEnv, 'the Temporal dev server'));
  beforeAll(async () => {
    if (!options.devServer) ownEnv = await startDevServer();
    database = await createDatabase();
    const { environment = {} } = options;
    stack = await startStack(envOf(), database, typeof environment === 'function' ? environment() : environment);
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
    await ownEnv?.teardown();
  });
  return {
    get env() {
      return envOf();
    },
    get database() {
      return started(database, 'the database');
    },
    get stack() {
      return started(stack, 'the stack');
    },
  };
}

type SuiteBody = (suite: SuiteContext) => void;

/**
 * The body's tests once on each kind of database, titled `${title} on SQLite` and so on, sharing one dev server;
 * each kind gets a fresh database with a stack on it (see useStack).
 */
export function describeOnEachDatabase(title: string, body: SuiteBody): void;
export function describeOnEachDatabase(title: string, options: StackOptions, body: SuiteBody): void;
export function describeOnEachDatabase(title: string, ...rest: [SuiteBody] | [StackOptions, SuiteBody]): void {
  const [options, body] = rest.length === 1 ? [{}, rest[0]] : rest;
  const devServer = useDevServer();
  for (const [kind, createDatabase] of DATABASE_KINDS) {
    describe(`${title} on ${kind}`, () => {
      const running = useStack(createDatabase, { ...options, devServer });
      body({
        kind,
        get env() {
          return running.env;
        },
        get database() {
          return running.database;
        },
        get stack() {
          return running.stack;
        },
      });
    });
  }
}
