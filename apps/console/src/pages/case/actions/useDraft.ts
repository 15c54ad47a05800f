import { useEffect, useState } from 'react';
import type { FormInstance } from 'antd';
import type { Person } from '../../../session/session';
import { isUnfinishedUpload } from './DocumentUploader';

const PREFIX = 'qinglian.draft';

/** One person's draft of one step of one case: never another person's, on a shared computer either. */
function keyOf(person: Person, caseId: string, step: string): string {
  return `${PREFIX}:${person.id}:${caseId}:${step}`;
}

/** A draft as stored: files still uploading or refused are left out (their bytes are not kept). */
function serialise(values: unknown): string {
  return JSON.stringify(values, (_key, value: unknown) => (Array.isArray(value) ? value.filter((item) => !isUnfinishedUpload(item)) : value));
}

function read(key: string): Record<string, unknown> | null {
  try {
    const stored = localStorage.getItem(key);
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export interface Draft {
  /** Whether the form was filled from a draft kept in this browser. */
  readonly restored: boolean;
  /** Keeps what the form holds now (call on every change: a reload or an expired session loses nothing). */
  readonly save: () => void;
  /** Forgets the draft (after the step went through). */
  readonly clear: () => void;
  /** Forgets the draft and empties the form. */
  readonly discard: () => void;
}

/**
 * 草稿: what a person typed (and the files they uploaded, by id and name) into a step's form, kept in this browser's
 * localStorage under the person, the case and the step, and put back when the form opens again.
 */
export function useDraft(form: FormInstance, person: Person, caseId: string, step: string): Draft {
  const key = keyOf(person, caseId, step);
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const saved = read(key);
    if (saved) {
      form.setFieldsValue(saved);
      setRestored(true);
    }
  }, [form, key]);
  const clear = () => {
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage refused (private mode): there is nothing to forget.
    }
  };
  return {
    restored,
    save: () => {
      try {
        localStorage.setItem(key, serialise(form.getFieldsValue(true)));
      } catch {
        // Storage full or refused: the form still works, only the draft is not kept.
      }
    },
    clear,
    discard: () => {
      clear();
      form.resetFields();
      setRestored(false);
    },
  };
}
