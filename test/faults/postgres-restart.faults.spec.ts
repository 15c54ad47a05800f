import { describe, expect, it } from '@jest/globals';
import { useCluster } from '../support/cluster.js';
import { CLEAN_RUN, FAULT_RUN_TIMEOUT_MS, faultRunCases, faultsOf, runThroughFaults } from '../support/fault-run.js';

describe('故障: 数据库重启 / PostgreSQL restarted under the app (two workers)', () => {
  const cases = faultRunCases();
  const running = useCluster({ database: 'private-postgresql', workers: 2 });

  it(
    'carries every case to the end of its path across two restarts of the app database',
    async () => {
      let restarts = 0;
      const report = await runThroughFaults(running.cluster, 'postgres-restart', cases, async ({ untilSteps }) => {
        for (const at of [1.5, 3.5]) {
          await untilSteps(Math.round(cases * at));
          await running.cluster.restartDatabase();
          restarts += 1;
        }
      });
      expect(restarts).toBe(2);
      expect(faultsOf(report)).toEqual(CLEAN_RUN);
      expect(report.steps).toBeGreaterThan(cases * 4);
    },
    FAULT_RUN_TIMEOUT_MS,
  );
});
