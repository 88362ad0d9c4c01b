/**
 * The one error shape that crosses the API boundary (IPC, HTTP, CLI).
 * Codes map one-to-one to a message a team manager can act on; never a stack trace.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'unauthorized',
  'forbidden',
  'no_open_database',
  'file_not_found',
  'file_exists',
  /** A document LinkDesk made no longer has the sha256 it recorded: changed since, so not opened. */
  'file_changed',
  /** The drive is full; nothing was written. */
  'disk_full',
  'wrong_passphrase',
  'weak_passphrase',
  'not_linkdesk_database',
  'corrupt_database',
  /** The file is shorter than its own header says: a half-copied or cut-short database. */
  'incomplete_database',
  'newer_schema',
  'read_only_location',
  /** The drive ran out of space (SQLITE_FULL, ENOSPC): nothing was saved. */
  'disk_full',
  'locked_elsewhere',
  'not_found',
  /** The record changed since it was read (an escalation entry already corrected). */
  'conflict',
  /** An allocation broke a blocking rule; `details.findings` says which and why. */
  'allocation_refused',
  /** An allocation raised warnings and needs a recorded reason to go ahead; `details.findings`. */
  'needs_reason',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. `settings.idleLockMinutes`; empty for the whole input. */
  path: string;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromShape(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.details);
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string';
}

/** Field issues of an `invalid_input` error, for forms to place next to their fields. */
export function fieldIssuesOf(error: AppErrorShape): FieldIssue[] {
  const issues = error.details?.issues;
  return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
}

/** What crosses a transport: a value or an error, never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
