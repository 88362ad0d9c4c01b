/**
 * One way to run a form: validate with the shared zod schema on submit, show errors inline
 * and in a summary, and place the main process's `invalid_input` field errors the same way.
 */
import { useCallback, useId, useState } from 'react';
import type { z } from 'zod';
import { AppError, fieldIssuesOf, type FieldIssue } from '../../../shared/errors.ts';

export interface FormIssue extends FieldIssue {
  /** DOM ids to try for the summary's link (the whole path, then its first part); none for form-wide problems. */
  fieldIds?: string[];
}

export function useForm<V extends Record<string, unknown>>(initial: V) {
  const formId = useId();
  const [values, setValues] = useState<V>(initial);
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());

  const idOf = useCallback((name: string) => `${formId}-${name}`, [formId]);
  const withIds = useCallback(
    (list: FieldIssue[]): FormIssue[] => list.map((i) => (i.path ? { ...i, fieldIds: [idOf(i.path), idOf(i.path.split('.')[0] ?? i.path)] } : i)),
    [idOf],
  );

  const set = <K extends keyof V>(name: K, value: V[K]): void => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((t) => (t.has(String(name)) ? t : new Set([...t, String(name)])));
  };
  /** The field's value once the user has edited it, otherwise `fallback` (a remembered value). */
  const valueOr = <K extends keyof V>(name: K, fallback: V[K]): V[K] => (touched.has(String(name)) ? values[name] : fallback);

  const errorFor = (name: string): string | undefined => issues.find((i) => i.path === name || i.path.startsWith(`${name}.`))?.message;

  /** Returns the parsed values, or null after showing the problems. */
  const validate = <S extends z.ZodType>(schema: S, input: unknown = values): z.output<S> | null => {
    setAttempt((a) => a + 1);
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      setIssues([]);
      return parsed.data;
    }
    setIssues(withIds(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))));
    return null;
  };

  const fail = (error: unknown, field?: string): void => {
    setAttempt((a) => a + 1);
    if (error instanceof AppError) {
      const fieldIssues = fieldIssuesOf(error);
      if (fieldIssues.length > 0) setIssues(withIds(fieldIssues));
      else setIssues(withIds([{ path: field ?? '', message: error.message }]));
    } else {
      setIssues([{ path: '', message: 'Something went wrong. Nothing was saved.' }]);
    }
  };

  const addIssues = (list: FieldIssue[]): void => {
    setAttempt((a) => a + 1);
    setIssues(withIds(list));
  };

  return { values, set, valueOr, setValues, issues, errorFor, idOf, validate, fail, addIssues, clear: () => setIssues([]), attempt };
}
