import { Button, Timeline, Typography } from 'antd';
import type { Person } from '../../session/session';
import { EVENT_NAMES, formatTime, ROLE_NAMES } from '../../ui/labels';
import type { CaseEvent } from './CasePage';
import { EventChain } from './office/AuditChain';

/** Who took a step, as the timeline says it: name and role (本人 for oneself), or 系统 for the rules and timers. */
export function actorOf(event: Pick<CaseEvent, 'actor'>, myId: string | undefined): string {
  const role = (ROLE_NAMES as Readonly<Record<string, string | undefined>>)[event.actor.role];
  if (!role) return '系统';
  return `${event.actor.name ?? event.actor.id}（${role}${event.actor.id === myId ? '，本人' : ''}）`;
}

/**
 * 办理记录: what happened, who did it and when, and why. The due dates the system sets are left out, unless the whole
 * chain is asked for (`hashes`: every record with its sequence and hashes). `onAsOf` offers each record's moment as a
 * past state of the case.
 */
export function CaseTimeline({
  events,
  person,
  hashes = false,
  onAsOf,
}: {
  events: readonly CaseEvent[];
  person: Person | null;
  hashes?: boolean;
  onAsOf?: (moment: string) => void;
}) {
  return (
    <Timeline
      items={events
        .filter((event) => hashes || !event.type.startsWith('Deadline') || event.type === 'DeadlineExtended')
        .map((event) => {
          const name = EVENT_NAMES[event.type] ?? event.type;
          return {
            key: event.eventId,
            content: (
              <>
                <Typography.Text strong>{name}</Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {formatTime(event.occurredAt)} · {actorOf(event, person?.id)}
                </Typography.Text>
                {onAsOf && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => onAsOf(event.occurredAt)}
                    aria-label={`查看当时状态（第 ${String(event.sequence)} 条：${name}之后）`}
                    style={{ paddingInline: 4, height: 'auto' }}
                  >
                    查看当时状态
                  </Button>
                )}
                {event.reason && <div>理由：{event.reason}</div>}
                {hashes && <EventChain event={event} />}
              </>
            ),
          };
        })}
    />
  );
}
