import { readFile, rm } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import type { Request } from 'express';
import pMap from 'p-map';
import { v5 as uuidv5 } from 'uuid';
import { AppConfig } from '#config';
import {
  BilingualError,
  columnLetter,
  decideEnrollment,
  enrollmentRowValues,
  invalidField,
  invalidInput,
  isBlankRow,
  readEnrollmentHeader,
  type Actor,
  type EnrollmentSheetColumn,
  type FieldProblem,
} from '#domain';
import { caseWorkflowId } from '#contracts';
import { BLOB_STORE, CaseRecordEntity, mediaTypeOf, UnitEntity, type BlobStore, type CampaignEntity } from '#persistence';
import { CasesService } from '../cases/cases.service.js';
import { flattenValidationErrors, listedProblems } from '../common/validation.js';
import { receiveUpload } from '../documents/receive-upload.js';
import type { CreateUnitDto } from '../units/unit.dto.js';
import {
  BatchEnrollDto,
  MAX_BATCH_ROWS,
  type BatchEnrollmentResultDto,
  type BatchEnrollmentRowDto,
  type EnrollmentFileDto,
  type EnrollmentPreviewRowDto,
  type SheetProblemDto,
} from './batch-enrollment.dto.js';
import { CampaignsService } from './campaigns.service.js';
import { csvRows, decodeCsv, xlsxRows, type CsvEncoding, type SpreadsheetRow } from './enrollment-sheet-reader.js';

/** Namespace of the name-based unit ids of batch enrollment: the same name and category is the same unit. */
const UNIT_NAMESPACE = '5c1e3a4e-8f0b-4d7e-9a51-2f6c0b8d9e17';
const CSV_COLUMNS = ['name', 'category', 'ownership'] as const;
const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The unit a row names: its id comes from its category and name, so the same unit is never registered twice. */
export function batchUnitId(unit: { readonly name: string; readonly category: string }): string {
  return uuidv5(`${unit.category}:${unit.name.trim()}`, UNIT_NAMESPACE);
}

/** A problem of one row (its index in the batch) or, with index null, of the batch as a whole. */
interface RowProblem {
  readonly index: number | null;
  readonly field: string;
  readonly message: string;
}

/** How far an import has come: rows settled of all, and how each settled. */
export interface BatchEnrollmentProgress {
  readonly done: number;
  readonly total: number;
  readonly enrolled: number;
  readonly alreadyEnrolled: number;
}

/** Told once the rows are checked and the import begins (nothing settled), then after each row settles. */
export type OnBatchProgress = (progress: BatchEnrollmentProgress) => void;

/** A row to import, by the number the caller shows it under. */
interface NumberedUnit {
  readonly row: number;
  readonly unit: CreateUnitDto;
}

/**
 * 批量确定培育对象. Every row is checked before anything is written (one bad row: nothing imported, each
 * problem named by row and field). Units get name-based ids and enrolled units are skipped, so running the
 * same batch again, after a failure or not, completes it without duplicates. JSON, CSV and spreadsheet files
 * (with a preview) are three ways in to the same rules (checkUnits) and the same import (importUnits).
 */
@Injectable()
export class BatchEnrollmentService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly campaigns: CampaignsService,
    private readonly cases: CasesService,
  ) {}

  async fromCsv(campaignId: string, csv: string, actor: Actor): Promise<BatchEnrollmentResultDto> {
    decideEnrollment(actor);
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
    const { units, problems } = await this.checkUnits(
      records.map(({ name, category, ownership }) => ({ name, category, ...(ownership ? { ownership } : {}) })),
    );
    const fields = [
      ...(unknownColumns.length
        ? [{ field: 'header', message: `unknown column(s) ${unknownColumns.join(', ')}; the columns are ${CSV_COLUMNS.join(', ')}` }]
        : []),
      // CSV line = row + 2 (the header is line 1).
      ...[...Map.groupBy(problems, (problem) => (problem.index === null ? problem.field : `line ${problem.index + 2}.${problem.field}`))].map(
        ([field, grouped]) => ({ field, message: grouped.map((problem) => problem.message).join('; ') }),
      ),
    ];
    if (fields.length) throw invalidInput(fields);
    return this.importUnits(await this.campaigns.find(campaignId), numbered(units), actor);
  }

  /** A batch that passed its shape checks (the JSON body's validation): no unit twice, then the import. */
  async enroll(campaignId: string, rows: readonly CreateUnitDto[], actor: Actor, onProgress?: OnBatchProgress): Promise<BatchEnrollmentResultDto> {
    decideEnrollment(actor);
    const repeated = repeatedUnits(rows, (index) => index + 1);
    if (repeated.length)
      throw invalidInput(repeated.map((problem) => ({ field: `units.${String(problem.index)}.${problem.field}`, message: problem.message })));
    return this.importUnits(await this.campaigns.find(campaignId), numbered(rows), actor, onProgress);
  }

  /**
   * 上传名单批量纳入: a CSV or XLSX list, read and checked row by row. With `dryRun` the preview (every row, its values,
   * its problems, and whether it is new or already enrolled) and nothing written; without, the same reading imported,
   * or nothing when anything is wrong (400, with the preview in `preview`).
   */
  async fromFile(campaignId: string, request: Request, options: { dryRun: boolean; sha256?: string | undefined }, actor: Actor): Promise<EnrollmentFileDto> {
    decideEnrollment(actor);
    const campaign = await this.campaigns.find(campaignId);
    const upload = await receiveUpload(request, { directory: this.blobs.incomingDirectory, maxBytes: this.config.bodyLimits.csvBytes });
    let bytes: Buffer;
    let mediaType: string | null;
    try {
      [bytes, mediaType] = await Promise.all([readFile(upload.path), mediaTypeOf(upload.path)]);
    } finally {
      await rm(upload.path, { force: true });
    }
    if (options.sha256 !== undefined && options.sha256 !== upload.sha256) {
      throw new BilingualError(
        'conflict',
        'ENROLLMENT_FILE_CHANGED',
        '文件与预览时的不同，请重新预览',
        'The file differs from the one previewed: preview it again',
        { details: { expectedSha256: options.sha256, foundSha256: upload.sha256 } },
      );
    }
    const sheet = await readSheet(bytes, mediaType);
    const preview = await this.preview(campaign, sheet.rows);
    const answer: EnrollmentFileDto = {
      dryRun: options.dryRun,
      fileName: upload.fileName,
      sha256: upload.sha256,
      format: sheet.format,
      encoding: sheet.encoding,
      sheetName: sheet.sheetName,
      ...preview.answer,
      result: null,
    };
    if (options.dryRun) return answer;
    if (!answer.ok) {
      const fields = [...answer.problems, ...answer.rows.flatMap((row) => row.errors)].map((problem): FieldProblem => ({
        field: `row ${problem.row}${problem.field ? `.${problem.field}` : ''}`,
        message: `${problem.messageZh} / ${problem.messageEn}`,
      }));
      throw new BilingualError('invalid', 'ENROLLMENT_FILE_INVALID', '名单有误，未导入任何单位', 'The list has problems: nothing was imported', {
        fields: listedProblems(fields),
        details: { preview: answer },
      });
    }
    answer.result = await this.importUnits(campaign, preview.units, actor);
    return answer;
  }

  /** Each row's values and problems by the rules every batch follows, and whether its unit is already enrolled. */
  private async preview(
    campaign: CampaignEntity,
    sheetRows: readonly SpreadsheetRow[],
  ): Promise<{ answer: Pick<EnrollmentFileDto, 'ok' | 'summary' | 'problems' | 'rows'>; units: NumberedUnit[] }> {
    const [header, ...data] = sheetRows.filter((row) => !isBlankRow(row.cells));
    if (data.length > MAX_BATCH_ROWS) {
      throw invalidField(
        'file',
        `名单至多 ${MAX_BATCH_ROWS} 个单位（本文件 ${data.length} 行）`,
        `a list names at most ${MAX_BATCH_ROWS} units (this one ${data.length} rows)`,
      );
    }
    if (!header) throw invalidField('file', '文件是空的', 'the file is empty');
    const headers = header.cells.map((cell) => cell.trim());
    const { columns, problems: headerProblems } = readEnrollmentHeader(header.row, headers);
    const fileProblems: SheetProblemDto[] = [
      ...headerProblems,
      ...(data.length === 0
        ? [{ row: header.row, column: null, header: null, field: null, messageZh: '表头下没有单位', messageEn: 'no unit below the header' }]
        : []),
    ];
    // A header without the name or the category column leaves nothing to read the rows by.
    if (headerProblems.some((problem) => problem.column === null)) {
      return {
        answer: { ok: false, summary: { rows: data.length, valid: 0, alreadyEnrolled: 0, bad: data.length }, problems: fileProblems, rows: [] },
        units: [],
      };
    }
    const values = data.map((row) => enrollmentRowValues(columns, row.cells));
    const { units, problems } = await this.checkUnits(values, (index) => data[index]?.row ?? 0);
    const unitIds = await this.unitIdsOf(values);
    const caseIds = unitIds.map((unitId) => caseWorkflowId(campaign.id, unitId));
    const enrolled = new Set(
      (await this.orm.em.fork().find(CaseRecordEntity, { caseId: { $in: caseIds } }, { fields: ['caseId'] })).map((record) => record.caseId),
    );
    const rows = data.map((row, index): EnrollmentPreviewRowDto => {
      const value = values[index] ?? { name: '', category: '' };
      const errors = problems
        .filter((problem) => problem.index === index)
        .map((problem) => {
          const field = problem.field as EnrollmentSheetColumn;
          const at = columns.indexOf(field);
          const [messageZh, messageEn] = bilingual(problem.message);
          return { row: row.row, column: at < 0 ? null : columnLetter(at), header: at < 0 ? null : (headers[at] ?? null), field, messageZh, messageEn };
        });
      const caseId = caseIds[index] ?? null;
      return {
        row: row.row,
        name: value.name,
        category: value.category,
        ownership: value.ownership ?? null,
        unitId: errors.length ? null : (unitIds[index] ?? null),
        caseId: errors.length ? null : caseId,
        status: errors.length ? 'invalid' : caseId !== null && enrolled.has(caseId) ? 'already_enrolled' : 'new',
        errors,
      };
    });
    const count = (status: EnrollmentPreviewRowDto['status']) => rows.filter((row) => row.status === status).length;
    const summary = { rows: rows.length, valid: count('new'), alreadyEnrolled: count('already_enrolled'), bad: count('invalid') };
    return {
      answer: { ok: fileProblems.length === 0 && summary.bad === 0, summary, problems: fileProblems, rows },
      units: units.map((unit, index) => ({ row: data[index]?.row ?? index + 1, unit })),
    };
  }

  /**
   * The rules of every batch, whichever way it came: each row a unit (CreateUnitDto: name, category, the ownership of
   * an enterprise), and no unit twice. `rowNumber` says how the caller numbers a row, for the message naming the first.
   */
  private async checkUnits(
    inputs: readonly object[],
    rowNumber: (index: number) => number = (index) => index + 1,
  ): Promise<{ units: CreateUnitDto[]; problems: RowProblem[] }> {
    const dto = plainToInstance(BatchEnrollDto, { units: inputs });
    const problems = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })).map((error): RowProblem => {
      const match = /^units\.(\d+)\.(.+)$/.exec(error.field);
      return match ? { index: Number(match[1]), field: match[2] ?? '', message: error.message } : { index: null, field: error.field, message: error.message };
    });
    return { units: dto.units, problems: [...problems, ...repeatedUnits(dto.units, rowNumber)] };
  }

  /** Registers the units (by name-based id) and enrolls each, in parallel; a unit already enrolled is reported, not refused. */
  private async importUnits(
    campaign: CampaignEntity,
    rows: readonly NumberedUnit[],
    actor: Actor,
    onProgress: OnBatchProgress = () => undefined,
  ): Promise<BatchEnrollmentResultDto> {
    const unitIds = await this.unitIdsOf(rows.map(({ unit }) => unit));
    const units = rows.map(
      ({ unit }, index) =>
        new UnitEntity({
          id: unitIds[index] ?? batchUnitId(unit),
          name: unit.name.trim(),
          category: unit.category,
          ownership: unit.ownership ?? null,
          createdAt: new Date(),
        }),
    );
    await this.orm.em.fork().transactional(async (em) => {
      const existing = new Set((await em.find(UnitEntity, { id: { $in: units.map((unit) => unit.id) } }, { fields: ['id'] })).map((unit) => unit.id));
      const missing = units.filter((unit) => !existing.has(unit.id));
      // A batch running at the same time may insert the same unit (its id comes from name and category) first.
      if (missing.length) await em.upsertMany(UnitEntity, missing, { onConflictFields: ['id'], onConflictAction: 'ignore' });
    });

    // Every row runs to its end before the answer, so a batch refused for one row's fault (Temporal out of reach or
    // late: 503) has nothing still in flight; sent again, the rows it did enroll report themselves already enrolled.
    const progress = { done: 0, total: units.length, enrolled: 0, alreadyEnrolled: 0 };
    onProgress({ ...progress });
    const outcomes = await pMap(
      units,
      async (unit, index) => {
        const outcome = await this.enrollOne(campaign, unit, rows[index]?.row ?? index + 1, actor);
        progress.done += 1;
        if (!('error' in outcome)) progress[outcome.result === 'enrolled' ? 'enrolled' : 'alreadyEnrolled'] += 1;
        onProgress({ ...progress });
        return outcome;
      },
      { concurrency: this.config.enrollmentParallelism },
    );
    const failed = outcomes.find((outcome) => 'error' in outcome);
    if (failed) throw failed.error;
    const results = outcomes.filter((outcome): outcome is BatchEnrollmentRowDto => !('error' in outcome));
    return {
      enrolled: results.filter((row) => row.result === 'enrolled').length,
      alreadyEnrolled: results.filter((row) => row.result === 'already_enrolled').length,
      rows: results,
    };
  }

  /**
   * The unit each row names: one already registered under the same name and category (registered one by one with
   * `POST /api/units`, or by an earlier batch), else the name-based id a batch registers it under.
   */
  private async unitIdsOf(rows: readonly { readonly name: string; readonly category: string }[]): Promise<string[]> {
    const names = [...new Set(rows.map((row) => row.name.trim()))];
    const registered = names.length
      ? await this.orm.em
          .fork()
          .find(UnitEntity, { name: { $in: names } }, { fields: ['id', 'name', 'category', 'createdAt'], orderBy: { createdAt: 'asc', id: 'asc' } })
      : [];
    const byKey = new Map<string, string>();
    for (const unit of registered) {
      const key = `${unit.category}:${unit.name}`;
      if (!byKey.has(key)) byKey.set(key, unit.id);
    }
    return rows.map((row) => byKey.get(`${row.category}:${row.name.trim()}`) ?? batchUnitId(row));
  }

  private async enrollOne(campaign: CampaignEntity, unit: UnitEntity, row: number, actor: Actor): Promise<BatchEnrollmentRowDto | { error: unknown }> {
    try {
      const state = await this.cases.enrollUnit(campaign, unit, actor);
      return { row, unitName: unit.name, unitId: unit.id, caseId: state.caseId, result: 'enrolled' };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        return { row, unitName: unit.name, unitId: unit.id, caseId: caseWorkflowId(campaign.id, unit.id), result: 'already_enrolled' };
      }
      return { error };
    }
  }
}

function numbered(units: readonly CreateUnitDto[]): NumberedUnit[] {
  return units.map((unit, index) => ({ row: index + 1, unit }));
}

/** Rows naming a unit an earlier row named already (same name and category), each with the row it repeats. */
function repeatedUnits(units: readonly { readonly name: unknown; readonly category: unknown }[], rowNumber: (index: number) => number): RowProblem[] {
  const first = new Map<string, number>();
  return units.flatMap((unit, index): RowProblem[] => {
    if (typeof unit.name !== 'string' || typeof unit.category !== 'string') return [];
    const id = batchUnitId({ name: unit.name, category: unit.category });
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return [];
    }
    const row = rowNumber(earlier);
    return [{ index, field: 'name', message: `与第 ${row} 行是同一单位（同名同领域） / the same unit as row ${row} (same name and category)` }];
  });
}

/** What a spreadsheet file holds, read by its content: the first sheet of an XLSX workbook, or CSV text. */
async function readSheet(
  bytes: Buffer,
  mediaType: string | null,
): Promise<{ format: 'csv' | 'xlsx'; encoding: CsvEncoding | null; sheetName: string | null; rows: SpreadsheetRow[] }> {
  if (mediaType === XLSX_MEDIA_TYPE) {
    const { sheetName, rows } = await xlsxRows(bytes);
    return { format: 'xlsx', encoding: null, sheetName, rows };
  }
  if (mediaType === 'text/plain') {
    const { text, encoding } = decodeCsv(bytes);
    return { format: 'csv', encoding, sheetName: null, rows: csvRows(text) };
  }
  throw new BilingualError(
    'unsupported',
    'ENROLLMENT_FILE_TYPE',
    '请上传 CSV 或 XLSX 文件（.xls 请先另存为 .xlsx）',
    'Upload a CSV or an XLSX file (save an .xls as .xlsx first)',
    { details: { foundType: mediaType } },
  );
}

/** A message we wrote as `中文 / English`, split in two; one in a single language serves as both. */
function bilingual(message: string): [zh: string, en: string] {
  const separator = /\s*\/\s/.exec(message);
  return separator ? [message.slice(0, separator.index), message.slice(separator.index + separator[0].length)] : [message, message];
}
