/**
 * One way to run a form: validate with the shared zod schema on submit, show errors inline
 * and in a summary, and place the main process's `invalid_input` field errors the same way.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import { AppError, fieldIssuesOf, type FieldIssue } from '../../../shared/errors.ts';
import { draftKeyOf, dropDraft, peekDraft, registerForm } from './drafts.ts';
import type { FileChoice } from './FileFields.tsx';

export interface FormIssue extends FieldIssue {
  /** DOM ids to try for the summary's link (the whole path, then its first part); none for form-wide problems. */
  fieldIds?: string[];
}

/** A field's own reading of what was typed (a date that does not exist, say), kept with the text it is about. */
interface TypedProblem {
  message: string;
  typed: string;
}

/**
 * Problems in the order the form's fields are laid out (the order of its initial values), so the
 * summary reads top to bottom; form-wide problems and paths the form does not know keep their place at the end.
 */
export function inFieldOrder<I extends FieldIssue>(issues: readonly I[], fields: readonly string[]): I[] {
  const rank = (path: string): number => {
    const at = fields.indexOf(path.split('.')[0] ?? path);
    return at === -1 ? fields.length : at;
  };
  return issues.map((issue, index) => ({ issue, index })).sort((a, b) => rank(a.issue.path) - rank(b.issue.path) || a.index - b.index).map((x) => x.issue);
}

/** The value at a dotted path (children.0.byWhen) of a form's input. */
function valueAt(input: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), input);
}

type TextKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
type FileKeys<V> = { [K in keyof V]: V[K] extends FileChoice ? K : never }[keyof V] & string;

export function useForm<V extends Record<string, unknown>>(initial: V) {
  const formId = useId();
  // Typed before an idle lock, on this screen, into a form of these fields: it comes back (drafts.ts).
  const [draftKey] = useState(() => draftKeyOf(Object.keys(initial)));
  const [restored] = useState(() => peekDraft(draftKey) !== undefined);
  const [values, setValues] = useState<V>(() => ({ ...initial, ...(peekDraft(draftKey) ?? {}) }));
  const [first] = useState(initial);
  const latest = useRef(values);
  useEffect(() => {
    latest.current = values;
  }, [values]);
  useEffect(() => {
    dropDraft(draftKey);
    return registerForm({ key: draftKey, changed: () => (JSON.stringify(latest.current) === JSON.stringify(first) ? null : latest.current) });
  }, [draftKey, first]);
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set(Object.keys(peekDraft(draftKey) ?? {})));
  const [problems, setProblems] = useState<Readonly<Record<string, TypedProblem>>>({});

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

  /**
   * A field that reads what is typed (dates, times) says what is wrong with it in its own words;
   * the form shows that instead of the schema's, for as long as the field still holds that text.
   */
  const problemOf = useCallback(
    (path: string) => (message: string | null, typed: string) =>
      setProblems((all) => {
        if (message === null) {
          return path in all ? Object.fromEntries(Object.entries(all).filter(([p]) => p !== path)) : all;
        }
        return all[path]?.message === message && all[path]?.typed === typed ? all : { ...all, [path]: { message, typed } };
      }),
    [],
  );

  /**
   * Returns the parsed values, or null after showing the problems. `more` are the form's own
   * checks (a confirmation that differs): shown with the schema's, all at once, in field order,
   * and only for fields the schema found nothing wrong with.
   */
  const validate = <S extends z.ZodType>(schema: S, input: unknown = values, more: FieldIssue[] = []): z.output<S> | null => {
    setAttempt((a) => a + 1);
    const parsed = schema.safeParse(input);
    const typed = Object.entries(problems).filter(([path, p]) => valueAt(input, path) === p.typed);
    if (parsed.success && typed.length === 0 && more.length === 0) {
      setIssues([]);
      return parsed.data;
    }
    const own = new Map(typed.map(([path, p]) => [path, p.message]));
    const found: FieldIssue[] = [];
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const field = [...own.keys()].find((p) => path === p || path.startsWith(`${p}.`));
      if (field === undefined) found.push({ path, message: issue.message });
      else if (!found.some((f) => f.path === field)) found.push({ path: field, message: own.get(field) ?? issue.message });
    }
    for (const [path, message] of own) if (!found.some((f) => f.path === path)) found.push({ path, message });
    for (const issue of more) if (!found.some((f) => f.path === issue.path)) found.push(issue);
    setIssues(withIds(inFieldOrder(found, Object.keys(first))));
    return null;
  };

  /** Everything a text, date or time field needs for one of the form's values: `<DateField {...form.field('from')} />`. */
  const field = <K extends TextKeys<V>>(name: K) => ({
    id: idOf(name),
    value: values[name] as string,
    onChange: (value: string) => set(name, value as V[K]),
    error: errorFor(name),
    onProblem: problemOf(name),
  });

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

  /**
   * A file chosen for one of the form's values: `<OpenFileField {...form.fileField('file', onChosen)} />`.
   * The API names a file it cannot read `path`, so that is where its problems show.
   */
  const fileField = <K extends FileKeys<V>>(name: K, onChosen?: () => void) => ({
    id: idOf('path'),
    value: values[name] as FileChoice,
    onChange: (choice: FileChoice) => {
      set(name, choice as V[K]);
      onChosen?.();
    },
    onError: (error: unknown) => fail(error, 'path'),
    error: errorFor('path'),
  });

  const addIssues = (list: FieldIssue[]): void => {
    setAttempt((a) => a + 1);
    setIssues(withIds(list));
  };

  return { values, set, valueOr, setValues, issues, errorFor, idOf, validate, fail, addIssues, clear: () => setIssues([]), attempt, field, fileField, problemOf, restored };
}
