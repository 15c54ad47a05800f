import { Inject, Injectable } from '@nestjs/common';
import { BilingualError, notFound, SAVED_VIEWS_PER_OWNER, savedViewAccess, type Principal } from '#domain';
import { AccountStore, SavedViewStore, type SavedViewEntity, type SavedViewInput } from '#persistence';
import type { SavedViewDto, SavedViewInputDto } from './saved-view.dto.js';

/** 保存的视图: each account's ledger views, and those shared with its role (read-only). */
@Injectable()
export class SavedViewsService {
  constructor(
    @Inject(SavedViewStore) private readonly views: SavedViewStore,
    @Inject(AccountStore) private readonly accounts: AccountStore,
  ) {}

  async list(principal: Principal): Promise<SavedViewDto[]> {
    return this.named(principal, await this.views.visibleTo(principal));
  }

  async create(principal: Principal, body: SavedViewInputDto): Promise<SavedViewDto> {
    if ((await this.views.countOwnedBy(principal.id)) >= SAVED_VIEWS_PER_OWNER)
      throw new BilingualError(
        'conflict',
        'SAVED_VIEWS_LIMIT',
        `每人至多保存 ${SAVED_VIEWS_PER_OWNER} 个视图，请先删除不用的`,
        `At most ${SAVED_VIEWS_PER_OWNER} saved views each: delete one you no longer use first`,
      );
    return this.one(principal, await this.views.create(principal.id, inputOf(body)));
  }

  async replace(principal: Principal, viewId: string, body: SavedViewInputDto): Promise<SavedViewDto> {
    await this.requireOwned(principal, viewId);
    const replaced = await this.views.replace(viewId, inputOf(body));
    if (!replaced) throw viewNotFound(viewId);
    return this.one(principal, replaced);
  }

  async delete(principal: Principal, viewId: string): Promise<void> {
    await this.requireOwned(principal, viewId);
    if (!(await this.views.delete(viewId))) throw viewNotFound(viewId);
  }

  /** The view, if it is the principal's own: another's answers 404 as if missing, unless it is shared with them (403: read-only). */
  async requireOwned(principal: Principal, viewId: string): Promise<SavedViewEntity> {
    const view = await this.views.find(viewId);
    const access = view ? savedViewAccess(principal, view) : 'hidden';
    if (!view || access === 'hidden') throw viewNotFound(viewId);
    if (access === 'shared')
      throw new BilingualError(
        'forbidden',
        'SAVED_VIEW_READ_ONLY',
        '该视图由他人共享给您的角色，只能使用，不能修改或删除',
        'This view was shared with your role by its owner: you may use it, not change or delete it',
      );
    return view;
  }

  /** The views, each with its owner's name and whether the principal may change it. */
  private async named(principal: Principal, views: readonly SavedViewEntity[]): Promise<SavedViewDto[]> {
    const names = await this.accounts.namesOf([...new Set(views.map((view) => view.ownerId))]);
    return views.map((view) => ({
      id: view.id,
      name: view.name,
      query: view.query,
      columns: [...view.columns],
      sharedWithRole: view.sharedWithRole,
      ownerId: view.ownerId,
      ownerName: names.get(view.ownerId) ?? null,
      editable: savedViewAccess(principal, view) === 'owner',
      createdAt: view.createdAt.toISOString(),
      updatedAt: view.updatedAt.toISOString(),
    }));
  }

  private async one(principal: Principal, view: SavedViewEntity): Promise<SavedViewDto> {
    const [named] = await this.named(principal, [view]);
    if (!named) throw new Error(`saved view ${view.id} was not named`);
    return named;
  }
}

const viewNotFound = (viewId: string): BilingualError => notFound('保存的视图', 'Saved view', viewId, 'SAVED_VIEW_NOT_FOUND');

/** The body as stored: the name trimmed, the query's parameters that are set (as the ledger's query string has them). */
function inputOf(body: SavedViewInputDto): SavedViewInput {
  const name = body.name.trim();
  const query = Object.fromEntries(Object.entries(body.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return { name, query, columns: body.columns, sharedWithRole: body.sharedWithRole ?? null };
}
