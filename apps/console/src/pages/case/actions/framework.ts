import { useQuery } from '@tanstack/react-query';
import { api, apiErrorOf } from '../../../api/client';
import type { CaseEvent, CaseState } from '../CasePage';

/** 指标体系, as GET /api/frameworks/{category}/{version} answers it (IndicatorFramework of libs/domain). */
export interface Framework {
  readonly category: CaseState['category'];
  readonly version: string;
  readonly name: { readonly zh: string };
  readonly dimensions: readonly Dimension[];
  /** 一票否决项 */
  readonly vetoItems: readonly VetoItem[];
}

export interface Dimension {
  readonly code: string;
  readonly name: { readonly zh: string };
  readonly indicators: readonly Indicator[];
}

export interface Indicator {
  readonly code: string;
  readonly name: { readonly zh: string };
  /** 分值: the most points the indicator is worth. */
  readonly weight: number;
  /** Whether a self-assessment score needs evidence (佐证材料). */
  readonly evidenceRequired: boolean;
}

export interface VetoItem {
  readonly code: string;
  readonly name: { readonly zh: string };
}

export function indicatorsOf(framework: Framework): readonly Indicator[] {
  return framework.dimensions.flatMap((dimension) => dimension.indicators);
}

/** The framework version the case keeps: the one its campaign fixed at enrollment, recorded with its events. */
export function frameworkVersionOf(events: readonly CaseEvent[]): string | null {
  return (events.find((event) => event.type === 'CaseEnrolled') ?? events.find((event) => event.frameworkVersion))?.frameworkVersion ?? null;
}

/** The case's own indicator framework (its category, the version of its enrollment); waits for the case's events. */
export function useCaseFramework(state: CaseState, events: readonly CaseEvent[]) {
  const version = frameworkVersionOf(events);
  return useQuery({
    queryKey: ['framework', state.category, version],
    enabled: version !== null,
    staleTime: Infinity,
    queryFn: async (): Promise<Framework> => {
      const { data, error, response } = await api.GET('/api/frameworks/{category}/{version}', {
        params: { path: { category: state.category, version: version ?? '' } },
      });
      // The api's document does not describe this answer's body: it is the framework itself.
      const body: unknown = data;
      if (!response.ok || body === undefined) throw apiErrorOf(response.status, error);
      return body as Framework;
    },
  });
}
