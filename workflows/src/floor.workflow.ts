import { condition, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';

/**
 * The floor of the lifecycle benchmark (npm run bench:lifecycle), never run by the product: what Temporal alone costs
 * on this machine for a step shaped like ours, an Update whose handler runs one local activity that does nothing.
 * The case ends on its last step, as a certified case does.
 */
export const floorStep = defineUpdate<number, [last: boolean]>('floorStep');

export interface FloorActivities {
  nothing(): Promise<void>;
}

const { nothing } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '30 seconds' });

export async function floorCase(): Promise<void> {
  let steps = 0;
  let ended = false;
  setHandler(floorStep, async (last) => {
    await nothing();
    steps += 1;
    ended = last;
    return steps;
  });
  await condition(() => ended);
}
