import type { CaseReminderSettings } from '#contracts';

/** The case's "now": real time, or the compressed clock of demonstrations and tests. */
export interface CaseClock {
  now(): Date;
  /** How long a case day lasts in real milliseconds. */
  readonly dayMs: number;
  /** Real milliseconds until a moment on the case's clock (at least 1). */
  realDelayUntil(moment: string): number;
}

export function caseClock(clock: CaseReminderSettings['clock']): CaseClock {
  const scale = clock ? 86_400 / clock.secondsPerDay : 1;
  const now = (): Date => (clock ? new Date(Date.parse(clock.simulatedAnchor) + (Date.now() - Date.parse(clock.realAnchor)) * scale) : new Date());
  return {
    now,
    dayMs: 86_400_000 / scale,
    realDelayUntil: (moment) => Math.max(1, (Date.parse(moment) - now().getTime()) / scale),
  };
}
