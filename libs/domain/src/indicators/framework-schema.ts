import { z } from 'zod';
import { CATEGORY_CODES } from '../categories.js';
import { FRAMEWORK_TOTAL_WEIGHT, type IndicatorFramework } from './framework.js';

// Validation of framework data files, kept apart from the framework's types so that workflow code does not load it.
const bilingual = z.object({ zh: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const code = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, 'must be 1–40 letters, digits, _ . - starting with a letter');

const frameworkSchema = z
  .object({
    category: z.enum(CATEGORY_CODES),
    version: z.string().regex(/^\d{4}\.\d+$/, 'must be <year>.<revision>, e.g. 2019.1'),
    name: bilingual,
    dimensions: z
      .array(
        z
          .object({
            code,
            name: bilingual,
            indicators: z
              .array(z.object({ code, name: bilingual, weight: z.number().positive().multipleOf(0.5), evidenceRequired: z.boolean() }).strict())
              .min(1),
          })
          .strict(),
      )
      .min(1),
    vetoItems: z.array(z.object({ code, name: bilingual }).strict()),
  })
  .strict()
  .superRefine((framework, context) => {
    const indicators = framework.dimensions.flatMap((dimension) => dimension.indicators);
    const total = indicators.reduce((sum, indicator) => sum + indicator.weight, 0);
    if (Math.abs(total - FRAMEWORK_TOTAL_WEIGHT) > 1e-9) {
      context.addIssue({ code: 'custom', path: ['dimensions'], message: `indicator weights total ${total}, not ${FRAMEWORK_TOTAL_WEIGHT}` });
    }
    const codes = [...framework.dimensions.map((d) => d.code), ...indicators.map((i) => i.code), ...framework.vetoItems.map((v) => v.code)];
    const repeated = [...new Set(codes.filter((c, index) => codes.indexOf(c) !== index))];
    if (repeated.length) {
      context.addIssue({ code: 'custom', path: ['dimensions'], message: `codes used more than once: ${repeated.join(', ')}` });
    }
  });

/** The reasons a framework file is refused, each with the path of the offending field. */
export class InvalidFrameworkError extends Error {
  override readonly name = 'InvalidFrameworkError';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`指标体系无效 / Invalid indicator framework ${source}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Validates a framework read from a data file; refuses it naming every problem. */
export function parseFramework(raw: unknown, source: string): IndicatorFramework {
  const parsed = frameworkSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidFrameworkError(
      source,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
