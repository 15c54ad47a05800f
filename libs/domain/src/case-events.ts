import type { CategoryCode } from './categories.js';

/** The facts recorded in a case's audit trail, by type. */
export interface CaseEventPayloads {
  CaseEnrolled: { campaignId: string; unitId: string; unitName: string; category: CategoryCode };
  PlanSubmitted: { summary: string; documentRefs: string[] };
}

export type CaseEventType = keyof CaseEventPayloads;

export type CaseEventBody = {
  [T in CaseEventType]: { readonly type: T; readonly payload: CaseEventPayloads[T] };
}[CaseEventType];
