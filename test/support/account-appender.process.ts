/**
 * A second process appending account events to the same database (started by account-event-chain.spec.ts through
 * forkSources): it opens its own ORM, says `ready`, and on `go` appends as many events as asked, all at once.
 */
import type { DatabaseConfig } from '#config';
import { appendAccountEvent, openOrm } from '#persistence';

const config = JSON.parse(process.argv[2] ?? '') as DatabaseConfig;
const count = Number(process.argv[3]);
const orm = await openOrm(config);
process.send?.('ready');
await new Promise((resolve) => process.once('message', resolve));
const appends = Array.from({ length: count }, (_, index) =>
  appendAccountEvent(orm.em.fork(), 'LoggedOut', { actor: { id: 'second-process', role: 'administrator' }, detail: { index } }),
);
const appended = await Promise.all(appends);
await orm.close();
process.send?.(appended.map((event) => event.sequence));
process.disconnect();
