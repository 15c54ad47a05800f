import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { UnitEntity } from '#persistence';
import { ResourceNotFoundError } from '../common/errors.js';
import type { CreateUnitDto, UnitDto } from './unit.dto.js';

@Injectable()
export class UnitsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async create(input: CreateUnitDto): Promise<UnitDto> {
    const unit = new UnitEntity({
      id: randomUUID(),
      name: input.name.trim(),
      category: input.category,
      ownership: input.ownership ?? null,
      createdAt: new Date(),
    });
    await this.orm.em.fork().persist(unit).flush();
    return toDto(unit);
  }

  async get(id: string): Promise<UnitDto> {
    return toDto(await this.find(id));
  }

  async find(id: string): Promise<UnitEntity> {
    const unit = await this.orm.em.fork().findOne(UnitEntity, { id });
    if (!unit) throw new ResourceNotFoundError('单位', 'Unit', id);
    return unit;
  }
}

function toDto(unit: UnitEntity): UnitDto {
  return { id: unit.id, name: unit.name, category: unit.category, ownership: unit.ownership, createdAt: unit.createdAt.toISOString() };
}
