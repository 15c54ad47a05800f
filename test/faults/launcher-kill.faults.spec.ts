import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { systemEnvironment } from '../support/cluster.js';
import { CLEAN_RUN, FAULT_RUN_TIMEOUT_MS, faultRunCases, faultsOf, runThroughFaults } from '../support/fault-run.js';
import { freePort } from '../support/http.js';
import { launch, processesOn, untilNoneRunOn, type Launched } from '../support/launcher.js';
import { temporalCliPath, uniqueTaskQueue } from '../support/temporal.js';

describe('故障: 启动器被强杀 / the launcher (npm start) killed outright (embedded default)', () => {
  const cases = faultRunCases();
  const dataDir = mkdtempSync(join(tmpdir(), 'qinglian-faults-launcher-'));
  let env: NodeJS.ProcessEnv;
  let apiUrl: string;
  let launched: Launched;

  beforeAll(async () => {
    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}/api`;
    env = {
      ...systemEnvironment(dataDir, `sqlite:${join(dataDir, 'qinglian.sqlite')}`),
      PORT: String(apiPort),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      TEMPORAL_TASK_QUEUE: uniqueTaskQueue('faults'),
      TEMPORAL_CLI_PATH: temporalCliPath(),
      TEMPORAL_ADDRESS: '',
    };
    launched = await launch(env);
  }, FAULT_RUN_TIMEOUT_MS);

  afterAll(async () => {
    if (launched.process.exitCode === null && launched.process.signalCode === null) {
      const exited = once(launched.process, 'exit');
      launched.process.kill('SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'leaves no process behind when killed mid-run, and the next start carries every case to the end of its path',
    async () => {
      let leftBehind: number[] | undefined;
      const report = await runThroughFaults(
        { apiUrl, logTail: (lines = 30) => launched.output().split('\n').slice(-lines).join('\n') },
        'launcher-kill',
        cases,
        async ({ untilSteps }) => {
          await untilSteps(cases * 2);
          launched.process.kill('SIGKILL');
          await untilNoneRunOn(dataDir);
          leftBehind = processesOn(dataDir);
          launched = await launch(env);
        },
      );
      expect(leftBehind).toEqual([]);
      expect(faultsOf(report)).toEqual(CLEAN_RUN);
      expect(report.steps).toBeGreaterThan(cases * 4);
    },
    FAULT_RUN_TIMEOUT_MS,
  );
});
