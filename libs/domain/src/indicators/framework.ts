import type { BilingualName, CategoryCode } from '../categories.js';

/** 指标体系 — a versioned indicator framework of one category: dimensions → indicators, weights summing to 100. */
export interface IndicatorFramework {
  readonly category: CategoryCode;
  readonly version: string;
  readonly name: BilingualName;
  readonly dimensions: readonly Dimension[];
  /** 一票否决项: any one found fails the unit whatever its score. */
  readonly vetoItems: readonly VetoItem[];
}

export interface Dimension {
  readonly code: string;
  readonly name: BilingualName;
  readonly indicators: readonly Indicator[];
}

export interface Indicator {
  readonly code: string;
  readonly name: BilingualName;
  /** 分值: the points the indicator is worth. */
  readonly weight: number;
  /** Whether a self-assessment score needs evidence (佐证材料). */
  readonly evidenceRequired: boolean;
}

export interface VetoItem {
  readonly code: string;
  readonly name: BilingualName;
}

export const FRAMEWORK_TOTAL_WEIGHT = 100;

export function indicatorsOf(framework: IndicatorFramework): readonly Indicator[] {
  return framework.dimensions.flatMap((dimension) => dimension.indicators);
}
