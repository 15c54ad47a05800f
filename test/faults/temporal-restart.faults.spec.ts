import { describe, expect, it } from '@jest/globals';
import { useCluster } from '../support/cluster.js';
import { CLEAN_RUN, FAULT_RUN_TIMEOUT_MS, faultRunCases, faultsOf, runThroughFaults } from '../support/fault-run.js';

describe('故障: 流程引擎重启 / the Temporal server restarted (SQLite)', () => {
  const cases = faultRunCases();
  const running = useCluster({ database: 'sqlite', workers: 1 });

  it(
    'carries every case to the end of its path across two restarts of the Temporal dev server',
    async () => {
      let restarts = 0;
      const report = await runThroughFaults(running.cluster, 'temporal-restart', cases, async ({ untilSteps }) => {
        for (const at of [1.5, 3.5]) {
          await untilSteps(Math.round(cases * at));
          await running.cluster.restartTemporal();
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
