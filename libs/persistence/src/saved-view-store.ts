import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { BilingualError, type HumanRole, type LedgerColumn } from '#domain';
import { SavedViewEntity } from './entities/index.js';

/** What an owner sets on a saved view. */
export interface SavedViewInput {
  readonly name: string;
  readonly query: Readonly<Record<string, string>>;
  readonly columns: readonly LedgerColumn[];
  readonly sharedWithRole: HumanRole | null;
}

/** 保存的视图: ledger views kept per account, some shared with a role. */
export class SavedViewStore {
  constructor(private readonly orm: MikroORM) {}

  /** The person's own views and those shared with their role, by name. */
  async visibleTo(person: { readonly id: string; readonly role: HumanRole }): Promise<SavedViewEntity[]> {
    return this.orm.em
      .fork()
      .find(SavedViewEntity, { $or: [{ ownerId: person.id }, { sharedWithRole: person.role }] }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  find(id: string): Promise<SavedViewEntity | null> {
    return this.orm.em.fork().findOne(SavedViewEntity, { id });
  }

  countOwnedBy(ownerId: string): Promise<number> {
    return this.orm.em.fork().count(SavedViewEntity, { ownerId });
  }

  async create(ownerId: string, input: SavedViewInput): Promise<SavedViewEntity> {
    const view = new SavedViewEntity({ id: randomUUID(), ownerId, ...copyOf(input), createdAt: new Date() });
    await uniqueName(input.name, () => this.orm.em.fork().insert(SavedViewEntity, view));
    return view;
  }

  /** Replaces what the owner set; null when the view is gone. */
  async replace(id: string, input: SavedViewInput): Promise<SavedViewEntity | null> {
    const em = this.orm.em.fork();
    const view = await em.findOne(SavedViewEntity, { id });
    if (!view) return null;
    Object.assign(view, copyOf(input), { updatedAt: new Date() });
    await uniqueName(input.name, () => em.flush());
    return view;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.orm.em.fork().nativeDelete(SavedViewEntity, { id })) > 0;
  }
}

function copyOf(input: SavedViewInput): Pick<SavedViewEntity, 'name' | 'query' | 'columns' | 'sharedWithRole'> {
  return { name: input.name, query: { ...input.query }, columns: [...input.columns], sharedWithRole: input.sharedWithRole };
}

/** Runs a write that may collide with another view of the same owner and name: 409 naming the field. */
async function uniqueName(name: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    throw new BilingualError('conflict', 'SAVED_VIEW_NAME_TAKEN', `已有同名视图：${name}`, `You already have a view named ${name}`, {
      fields: [{ field: 'name', message: `已有同名视图 / you already have a view with this name` }],
    });
  }
}
