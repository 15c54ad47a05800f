import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../../../api/client';
import type { Person } from '../../../session/session';
import { showOnFields } from '../../../ui/problems';
import type { CaseEvent, CaseState } from '../CasePage';
import type { Draft } from './useDraft';

/** What every step's form is given by the case page's actions. */
export interface StepProps {
  readonly state: CaseState;
  readonly person: Person;
  readonly events: readonly CaseEvent[];
  /** The step went through: says so in a sentence, closes the form and reloads the case. */
  readonly onSucceeded: (message: string) => void;
  /** Reloads the case (after a refusal because it moved meanwhile). */
  readonly onReload: () => void;
  readonly onCancel: () => void;
}

/** A form field, as antd names it. */
export type FieldName = (string | number)[];

/** Every form names its files field `documents`: the api's `documentIds` and `documentIds[2]` land there. */
function documentsField(field: string): FieldName | undefined {
  return /^documentIds(\[\d+\])?$/.test(field) ? ['documents'] : undefined;
}

interface StepOptions<Body> {
  readonly props: StepProps;
  /** Sends the step to the api; resolves once its event is recorded. */
  readonly send: (body: Body) => Promise<unknown>;
  /** Said when it went through. */
  readonly succeeded: string;
  /** The form whose fields a 400 names (its errors go on them). */
  readonly form?: FormInstance;
  /** Where an api field of this step lies in the form, when not at the same path (e.g. `scores[3].points`). */
  readonly fieldOf?: (field: string) => FieldName | undefined;
  readonly draft?: Draft;
  /** After success, before the case reloads (e.g. leaving a case one no longer sees). */
  readonly after?: () => void;
}

/**
 * Sends a step: on success the draft is forgotten and the case page told; a 400's fields go on the form's fields,
 * any other refusal (403, 409: the rules, or the case moved) is answered as `refusal`, for <Refusal> above the form.
 */
export function useStep<Body>({ props, send, succeeded, form, fieldOf, draft, after }: StepOptions<Body>) {
  const [refusal, setRefusal] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: () => {
      draft?.clear();
      after?.();
      props.onSucceeded(succeeded);
    },
    onError: (error) => {
      if (!form || !(error instanceof ApiError)) {
        setRefusal(error);
        return;
      }
      const names = Object.fromEntries(
        error.fields.flatMap(({ field }) => {
          const name = fieldOf?.(field) ?? documentsField(field);
          return name ? [[field, name] as const] : [];
        }),
      );
      setRefusal(showOnFields(form, error, names));
    },
  });
  return {
    run: (body: Body) => {
      setRefusal(null);
      mutation.mutate(body);
    },
    pending: mutation.isPending,
    refusal,
  };
}
