/**
 * The one way into the application. Every transport (IPC, HTTP, the CLI's `api` command,
 * the tests) calls `dispatch`, which validates the input against the contract and turns
 * every failure into an AppError shape.
 */
import type { z } from 'zod';
import { api, isMethodName } from '../../shared/api.ts';
import { AppError, type AppErrorShape, type FieldIssue, type Result } from '../../shared/errors.ts';
import { handlers } from './api.ts';
import { storageFailure } from './db/storage-errors.ts';
import type { AppLog } from './log/app-log.ts';
import type { AppSession } from './session.ts';

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function invalidInput(issues: FieldIssue[]): AppError {
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  return new AppError('invalid_input', `${where}${first?.message ?? 'The input is not valid.'}`, { issues });
}

export function toErrorShape(error: unknown, method: string, log?: AppLog): AppErrorShape {
  if (error instanceof AppError) return error.toJSON();
  if (error instanceof Error && error.name === 'ZodError' && 'issues' in error) {
    return invalidInput(fieldIssues(error as z.ZodError)).toJSON();
  }
  // A full disk or a read-only folder, wherever it struck: the write was rolled back.
  const storage = storageFailure(error, 'the team database (or the file being saved)', 'Nothing was saved.');
  if (storage) return storage.toJSON();
  // Only the method, the error class and the stack: messages and inputs can quote user data.
  log?.internalError(method, error);
  console.error(`[linkdesk] internal error in ${method}: ${error instanceof Error ? error.name : typeof error}${log ? ` (details in ${log.file})` : ''}`);
  return { code: 'internal', message: 'Something went wrong inside LinkDesk. Nothing was saved. Try again, and if it keeps happening run a database check.' };
}

export function createDispatcher(session: AppSession): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no API method called "${method}".` } };
    }
    // Polling is not a person using the app; everything else is.
    if (method !== 'imports.progress') session.touch();
    const parsed = api[method].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: invalidInput(fieldIssues(parsed.error)).toJSON() };
    try {
      const handler = handlers[method] as (s: AppSession, i: unknown) => unknown;
      const value = await handler(session, parsed.data);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toErrorShape(error, method, session.log) };
    }
  };
}
