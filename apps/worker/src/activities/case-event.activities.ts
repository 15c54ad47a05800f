import { Inject, Injectable } from '@nestjs/common';
import { eventsOfStep, type AppendCaseEventInput, type AppendCaseStepInput, type CaseActivities, type RecordedCaseEvent } from '#contracts';
import { CaseEventStore } from '#persistence';
import { DeadlinePlanningActivities } from './deadline.activities.js';

/** Records the case workflow's events in the audit trail. */
@Injectable()
export class CaseEventActivities implements CaseActivities {
  constructor(
    @Inject(CaseEventStore) private readonly eventStore: CaseEventStore,
    @Inject(DeadlinePlanningActivities) private readonly deadlines: DeadlinePlanningActivities,
  ) {}

  appendCaseEvent(input: AppendCaseEventInput): Promise<RecordedCaseEvent> {
    return this.eventStore.append(input);
  }

  async appendCaseStep(input: AppendCaseStepInput): Promise<RecordedCaseEvent[]> {
    const planned = input.deadline ? await this.deadlines.planDeadline(input.deadline.entry) : null;
    return this.eventStore.appendAll(eventsOfStep(input, planned));
  }
}
