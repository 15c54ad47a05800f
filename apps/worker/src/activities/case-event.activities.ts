import { Inject, Injectable } from '@nestjs/common';
import type { AppendCaseEventInput, CaseActivities, RecordedCaseEvent } from '#contracts';
import { CaseEventStore } from '#persistence';

/** Records the case workflow's events in the audit trail. */
@Injectable()
export class CaseEventActivities implements CaseActivities {
  constructor(@Inject(CaseEventStore) private readonly eventStore: CaseEventStore) {}

  appendCaseEvent(input: AppendCaseEventInput): Promise<RecordedCaseEvent> {
    return this.eventStore.append(input);
  }
}
