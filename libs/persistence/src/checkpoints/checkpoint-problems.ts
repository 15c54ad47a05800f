export const CHECKPOINT_PROBLEMS = [
  /** The file is not a checkpoint of this format. */
  'unreadable',
  /** The signature does not verify, or the key that made it is not trusted. */
  'signature',
  /** The leaves do not hash to the signed root, or the counts do not match them. */
  'root',
  /** Checkpoint numbers skip one, or `previous` does not name the checkpoint before. */
  'link',
  /** A checkpoint one store keeps and another does not. */
  'missing_from_store',
  /** A checkpoint the store shows was written over or hidden since it was written (its first version is the one read). */
  'overwritten',
  /** A chain a checkpoint covered has no event at all now. */
  'case_missing',
  /** Events a checkpoint covered are gone: from `fromSequence` to `toSequence`. */
  'events_missing',
  /** The event at `toSequence` no longer has the hash a checkpoint recorded: the chain was rewritten after `fromSequence - 1`, at or before `toSequence`. */
  'head_changed',
  /** A case's sequence has a hole: fewer events than its last sequence (found by the writer; the chain walk names the place). */
  'chain_gap',
] as const;
export type CheckpointProblemKind = (typeof CHECKPOINT_PROBLEMS)[number];

/**
 * Something a checkpoint covered that no longer holds, or a checkpoint that does not hold by itself. `chain` is a case
 * id or `account-events`; `fromSequence`..`toSequence` is the span of events concerned.
 */
export interface CheckpointProblem {
  readonly problem: CheckpointProblemKind;
  /** The checkpoint the problem is found against (for a covered head, the latest checkpoint that recorded it). */
  readonly checkpoint: number | null;
  readonly chain: string | null;
  readonly fromSequence: number | null;
  readonly toSequence: number | null;
  readonly expected: string | null;
  readonly found: string | null;
  /** For missing_from_store: the store that lacks it. */
  readonly store: string | null;
}

export function checkpointProblem(problem: CheckpointProblemKind, fields: Partial<Omit<CheckpointProblem, 'problem'>>): CheckpointProblem {
  return {
    problem,
    checkpoint: fields.checkpoint ?? null,
    chain: fields.chain ?? null,
    fromSequence: fields.fromSequence ?? null,
    toSequence: fields.toSequence ?? null,
    expected: fields.expected ?? null,
    found: fields.found ?? null,
    store: fields.store ?? null,
  };
}

/** One line, zh-CN then English, saying what is wrong where. */
export function describeCheckpointProblem(p: CheckpointProblem): string {
  const against = p.checkpoint === null ? '' : ` (检查点 / checkpoint #${p.checkpoint})`;
  const span = p.fromSequence === p.toSequence ? `#${String(p.toSequence)}` : `#${String(p.fromSequence)}–#${String(p.toSequence)}`;
  switch (p.problem) {
    case 'unreadable':
      return `检查点文件无法读取 / checkpoint file unreadable${against}: ${p.found ?? ''}`;
    case 'signature':
      return `检查点签名无效 / checkpoint signature invalid${against}: expected ${p.expected ?? ''}, found ${p.found ?? ''}`;
    case 'root':
      return `检查点根哈希或计数不符 / checkpoint root or counts do not match its leaves${against}: expected ${p.expected ?? ''}, found ${p.found ?? ''}`;
    case 'link':
      return `检查点序列断开 / checkpoint sequence broken${against}: expected ${p.expected ?? ''}, found ${p.found ?? ''}`;
    case 'missing_from_store':
      return `检查点在 ${p.store ?? ''} 中缺失 / checkpoint missing from ${p.store ?? ''}${against}`;
    case 'overwritten':
      return `检查点在 ${p.store ?? ''} 中被覆盖或隐藏 / checkpoint written over or hidden in ${p.store ?? ''}${against}: ${p.found ?? ''}`;
    case 'case_missing':
      return `案件已不存在 / case missing: ${p.chain ?? ''}, events ${span} gone${against}`;
    case 'events_missing':
      return `事件缺失 / events missing: ${p.chain ?? ''} ${span}${against}`;
    case 'head_changed':
      return (
        `事件链被改写 / chain rewritten: ${p.chain ?? ''}, at or before #${String(p.toSequence)}, after #${String((p.fromSequence ?? 1) - 1)}${against}: ` +
        `expected ${p.expected ?? ''}, found ${p.found ?? '—'}`
      );
    case 'chain_gap':
      return `事件序号有缺口 / sequence has a gap: ${p.chain ?? ''}: last sequence ${p.expected ?? ''}, events ${p.found ?? ''}`;
  }
}
