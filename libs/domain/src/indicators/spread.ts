import { roundScore } from './scoring.js';

/**
 * 分歧较大: an indicator on which the assessors of one round differ by at least this share of its maximum points
 * (its weight), e.g. 2 of 10. A fifth of the scale is more than a reading of the same evidence usually explains, so
 * the office looks at that indicator's findings again before it relies on the round.
 */
export const LARGE_SPREAD_SHARE = 0.2;

/** What the spread of an indicator needs to know of it. */
export interface SpreadIndicator {
  readonly code: string;
  /** 分值: the most points the indicator is worth. */
  readonly weight: number;
}

/** What the spread needs of one assessor's sheet. */
export interface SpreadSheet {
  readonly scores: readonly { readonly indicatorCode: string; readonly points: number }[];
}

/** How far apart the assessors of one round are on one indicator. */
export interface IndicatorSpread {
  readonly indicatorCode: string;
  readonly weight: number;
  /** Each sheet's points, in the order of the sheets; null where a sheet did not score the indicator. */
  readonly points: readonly (number | null)[];
  /** 极差: highest minus lowest points given (0 when fewer than two sheets scored it). */
  readonly spread: number;
  /** Whether the spread is at least LARGE_SPREAD_SHARE of the weight (never for a spread of 0). */
  readonly large: boolean;
}

/** The spread between the sheets of one inspection round, indicator by indicator, in the framework's order. */
export function indicatorSpreads(indicators: readonly SpreadIndicator[], sheets: readonly SpreadSheet[]): IndicatorSpread[] {
  return indicators.map((indicator) => {
    const points = sheets.map((sheet) => sheet.scores.find((score) => score.indicatorCode === indicator.code)?.points ?? null);
    const given = points.filter((value): value is number => value !== null);
    const spread = given.length < 2 ? 0 : roundScore(Math.max(...given) - Math.min(...given));
    return {
      indicatorCode: indicator.code,
      weight: indicator.weight,
      points,
      spread,
      large: spread > 0 && spread >= roundScore(indicator.weight * LARGE_SPREAD_SHARE),
    };
  });
}
