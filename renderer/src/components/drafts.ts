/**
 * What people had typed when LinkDesk locked itself for want of activity, kept in this window's
 * memory only (never on disk, never sent to the main process) and put back into the same form,
 * on the same screen, after they unlock. An escalation half written when the lock came is not
 * lost. A lock someone chose (the Lock button), or opening another database, drops them.
 */
interface LiveForm {
  key: string;
  changed: () => Record<string, unknown> | null;
}

const live = new Map<symbol, LiveForm>();
let kept = new Map<string, Record<string, unknown>>();
let keptFor: string | null = null;

/** The key of a form: its screen and its fields, so a draft only ever returns to a form of the same shape. */
export function draftKeyOf(fields: readonly string[]): string {
  return `${window.location.hash.split('?')[0] ?? ''}|${[...fields].sort().join(',')}`;
}

export function registerForm(form: LiveForm): () => void {
  const id = Symbol(form.key);
  live.set(id, form);
  return () => live.delete(id);
}

/** Keeps every open form that holds something typed, for the database at `path`. */
export function keepDrafts(path: string): number {
  kept = new Map();
  keptFor = path;
  for (const form of live.values()) {
    const values = form.changed();
    // A passphrase typed is never kept past a lock, even in memory.
    if (values && !Object.keys(values).some((name) => /passphrase/i.test(name))) kept.set(form.key, values);
  }
  return kept.size;
}

export function peekDraft(key: string): Record<string, unknown> | undefined {
  return kept.get(key);
}

export function dropDraft(key: string): void {
  kept.delete(key);
}

/** Drafts kept for another database, or for nobody, go. */
export function draftsFor(path: string): number {
  if (keptFor !== path) dropDrafts();
  return kept.size;
}

export function dropDrafts(): void {
  kept = new Map();
  keptFor = null;
}
