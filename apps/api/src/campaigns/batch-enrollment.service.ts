import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import pMap from 'p-map';
import { v5 as uuidv5 } from 'uuid';
import { decideEnrollment, invalidInput, type Actor } from '#domain';
import { caseWorkflowId } from '#contracts';
import { UnitEntity, type CampaignEntity } from '#persistence';
import { CasesService } from '../cases/cases.service.js';
import { flattenValidationErrors } from '../common/validation.js';
import type { CreateUnitDto } from '../units/unit.dto.js';
import { BatchEnrollDto, MAX_BATCH_ROWS, type BatchEnrollmentResultDto, type BatchEnrollmentRowDto } from './batch-enrollment.dto.js';
import { CampaignsService } from './campaigns.service.js';

/** Namespace of the name-based unit ids of batch enrollment: the same name and category is the same unit. */
const UNIT_NAMESPACE = '5c1e3a4e-8f0b-4d7e-9a51-2f6c0b8d9e17';
/** Cases started at once: each waits on its enrollment event, so the batch's pace is set by how many overlap. */
const PARALLEL_ENROLLMENTS = 64;
const CSV_COLUMNS = ['name', 'category', 'ownership'] as const;

/**
 * 批量确定培育对象. Every row is checked before anything is written (one bad row: nothing imported, each
 * problem named by row and field). Units get name-based ids and enrolled units are skipped, so running the
 * same batch again, after a failure or not, completes it without duplicates.
 */
@Injectable()
export class BatchEnrollmentService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly campaigns: CampaignsService,
    private readonly cases: CasesService,
  ) {}

  async fromCsv(campaignId: string, csv: string, actor: Actor): Promise<BatchEnrollmentResultDto> {
    let records: Record<string, string>[];
    try {
      records = parse(csv, {
        columns: (header: string[]) => header.map((column) => column.trim()),
        skip_empty_lines: true,
        trim: true,
        bom: true,
        to: MAX_BATCH_ROWS + 1,
      });
    } catch (error) {
      throw invalidInput([{ field: 'csv', message: error instanceof Error ? error.message : String(error) }]);
    }
    const unknownColumns = Object.keys(records[0] ?? {}).filter((column) => !(CSV_COLUMNS as readonly string[]).includes(column));
    const units = records.map(({ name, category, ownership }) => ({ name, category, ...(ownership ? { ownership } : {}) }));
    const dto = plainToInstance(BatchEnrollDto, { units });
    const problems = [
      ...(unknownColumns.length
        ? [{ field: 'header', message: `unknown column(s) ${unknownColumns.join(', ')}; the columns are ${CSV_COLUMNS.join(', ')}` }]
        : []),
      // CSV line = row + 2 (the header is line 1).
      ...[...Map.groupBy(flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })), (error) => error.field)].map(
        ([field, errors]) => ({
          field: field.replace(/^units\.(\d+)/, (_, row: string) => `line ${Number(row) + 2}`),
          message: errors.map((error) => error.message).join('; '),
        }),
      ),
    ];
    if (problems.length) throw invalidInput(problems);
    return this.enroll(campaignId, dto.units, actor);
  }

  async enroll(campaignId: string, rows: readonly CreateUnitDto[], actor: Actor): Promise<BatchEnrollmentResultDto> {
    decideEnrollment(actor);
    const campaign = await this.campaigns.find(campaignId);
    const units = rows.map(
      (row) =>
        new UnitEntity({
          id: uuidv5(`${row.category}:${row.name.trim()}`, UNIT_NAMESPACE),
          name: row.name.trim(),
          category: row.category,
          ownership: row.ownership ?? null,
          createdAt: new Date(),
        }),
    );
    const repeated = units.map((unit) => unit.id).filter((id, index, ids) => ids.indexOf(id) !== index);
    if (repeated.length) {
      throw invalidInput(
        units.flatMap((unit, index) => (repeated.includes(unit.id) ? [{ field: `units.${index}.name`, message: `${unit.name} appears more than once` }] : [])),
      );
    }
    await this.orm.em.fork().transactional(async (em) => {
      const existing = new Set((await em.find(UnitEntity, { id: { $in: units.map((unit) => unit.id) } }, { fields: ['id'] })).map((unit) => unit.id));
      const missing = units.filter((unit) => !existing.has(unit.id));
      // A batch running at the same time may insert the same unit (its id comes from name and category) first.
      if (missing.length) await em.upsertMany(UnitEntity, missing, { onConflictFields: ['id'], onConflictAction: 'ignore' });
    });

    const results = await pMap(units, (unit, index) => this.enrollOne(campaign, unit, index + 1, actor), { concurrency: PARALLEL_ENROLLMENTS });
    return {
      enrolled: results.filter((row) => row.result === 'enrolled').length,
      alreadyEnrolled: results.filter((row) => row.result === 'already_enrolled').length,
      rows: results,
    };
  }

  private async enrollOne(campaign: CampaignEntity, unit: UnitEntity, row: number, actor: Actor): Promise<BatchEnrollmentRowDto> {
    try {
      const state = await this.cases.enrollUnit(campaign, unit, actor);
      return { row, unitName: unit.name, unitId: unit.id, caseId: state.caseId, result: 'enrolled' };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        return { row, unitName: unit.name, unitId: unit.id, caseId: caseWorkflowId(campaign.id, unit.id), result: 'already_enrolled' };
      }
      throw error;
    }
  }
}
