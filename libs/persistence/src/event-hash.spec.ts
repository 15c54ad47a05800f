import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { GENESIS_HASH, hashEvent, type HashedEventFields } from './event-hash.js';

const event: HashedEventFields = {
  id: '0b7c8f5e-2f43-4c1e-9d0b-3f1f6f7b1a11',
  caseId: 'case:c:u',
  sequence: 1,
  type: 'CaseEnrolled',
  actorId: 'admin-1',
  actorRole: 'administrator',
  reason: null,
  payload: { unitName: '大司巷小学', category: 'school' },
  occurredAt: '2019-03-01T01:00:00.000Z',
  frameworkVersion: null,
};

describe(hashEvent.name, () => {
  it('is SHA-256 over the previous hash and the RFC 8785 canonical JSON of the event', () => {
    const canonical =
      '{"actorId":"admin-1","actorRole":"administrator","caseId":"case:c:u","frameworkVersion":null,"id":"0b7c8f5e-2f43-4c1e-9d0b-3f1f6f7b1a11",' +
      '"occurredAt":"2019-03-01T01:00:00.000Z","payload":{"category":"school","unitName":"大司巷小学"},"reason":null,"sequence":1,"type":"CaseEnrolled"}';
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonical)
      .digest('hex');
    expect(hashEvent(GENESIS_HASH, event)).toBe(expected);
  });

  it('does not depend on the order of keys (a JSONB round trip reorders them)', () => {
    const reordered = { ...event, payload: { category: 'school', unitName: '大司巷小学' } };
    expect(hashEvent(GENESIS_HASH, reordered)).toBe(hashEvent(GENESIS_HASH, event));
  });

  it('changes with any field and with the previous hash', () => {
    const base = hashEvent(GENESIS_HASH, event);
    expect(hashEvent(GENESIS_HASH, { ...event, actorId: 'admin-2' })).not.toBe(base);
    expect(hashEvent(GENESIS_HASH, { ...event, payload: { ...event.payload, unitName: '永康中学' } })).not.toBe(base);
    expect(hashEvent('f'.repeat(64), event)).not.toBe(base);
  });
});
