import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useCallback, useState } from 'react';
import { errorMessage } from '../api.ts';
import { showFieldError, showMappedFieldError } from '../components/formErrors.ts';

/**
 * Where the server's refusal goes: a list of form items named like the request body's fields (`body.uscc` → `uscc`),
 * or a map from the server's path to the item it belongs to (see `showMappedFieldError`). Anything else is shown
 * above the form. A function places the error itself and says whether it did.
 */
export type FieldErrorTarget = readonly string[] | Record<string, NamePath> | ((e: unknown) => boolean);

/** Puts the server's error on its form item; false when it names none of them. */
export function placeFieldError<T>(form: FormInstance<T> | undefined, e: unknown, fields: FieldErrorTarget | undefined): boolean {
  if (!form || !fields) return false;
  if (typeof fields === 'function') return fields(e);
  return Array.isArray(fields) ? showFieldError(form, e, fields as readonly string[]) : showMappedFieldError(form, e, fields as Record<string, NamePath>);
}

/** A refusal the dialog words itself (e.g. "第 3 行：…"), shown above the form as it is. */
export class FormProblem extends Error {}

/**
 * One submission at a time: `saving` while `work` runs; the server's refusal goes onto its form item or into
 * `error` (the server's Chinese message) for an alert above the form.
 */
export function useSubmit<T = unknown>(form?: FormInstance<T>, fields?: FieldErrorTarget) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (work: () => Promise<void>) => {
      setSaving(true);
      setError(null);
      try {
        await work();
      } catch (e) {
        if (!placeFieldError(form, e, fields)) setError(e instanceof FormProblem ? e.message : errorMessage(e));
      } finally {
        setSaving(false);
      }
    },
    [form, fields],
  );
  return { saving, error, setError, run };
}

export type Submission = ReturnType<typeof useSubmit>;
