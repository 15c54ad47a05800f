import { describe, expect, it } from '@jest/globals';
import { useCluster } from '../support/cluster.js';
import { CLEAN_RUN, FAULT_RUN_TIMEOUT_MS, faultRunCases, faultsOf, runThroughFaults } from '../support/fault-run.js';

describe('故障: 工作进程被强杀 / a worker killed outright (two workers, PostgreSQL)', () => {
  const cases = faultRunCases();
  const running = useCluster({ database: 'postgresql', workers: 2 });

  it(
    'carries every case to the end of its path while each worker in turn is SIGKILLed and started again',
    async () => {
      const struck: string[] = [];
      const report = await runThroughFaults(running.cluster, 'worker-kill', cases, async ({ untilSteps }) => {
        for (const [index, at] of [
          [0, 1],
          [1, 3],
        ] as const) {
          await untilSteps(cases * at);
          await running.cluster.killWorker(index);
          struck.push(`killed worker ${index}`);
          await untilSteps(cases * (at + 1));
          await running.cluster.startWorker(index);
          struck.push(`started worker ${index}`);
        }
      });
      expect(struck).toEqual(['killed worker 0', 'started worker 0', 'killed worker 1', 'started worker 1']);
      expect(faultsOf(report)).toEqual(CLEAN_RUN);
      expect(report.steps).toBeGreaterThan(cases * 4);
    },
    FAULT_RUN_TIMEOUT_MS,
  );
});
