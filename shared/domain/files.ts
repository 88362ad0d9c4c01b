/**
 * Files a person chooses rather than types: what each action opens, saves, or needs a folder
 * for, and the file types it accepts. The renderer names a purpose, never a filter, a folder or
 * a path pattern: Electron's main process (native dialogs) and the local server (browser
 * uploads) look the purpose up here, so a page cannot widen what it is offered.
 */
import { z } from 'zod';
import { line } from './text.ts';

export interface FileType {
  /** What the dialog's type list shows. */
  name: string;
  /** Without the dot, lower case. */
  extensions: readonly string[];
}

const SPREADSHEET: FileType = { name: 'Spreadsheet (.xlsx or .csv)', extensions: ['xlsx', 'csv'] };
const TEAM_DATABASE: FileType = { name: 'LinkDesk team database', extensions: ['linkdesk'] };

/** Files LinkDesk reads: each purpose with the dialog's title and the types it accepts. */
export const OPEN_PURPOSES = {
  database: { title: 'Open a team database', type: { name: 'LinkDesk team database', extensions: ['linkdesk', 'db'] } },
  backup: { title: 'Choose a backup to restore', type: TEAM_DATABASE },
  gias: { title: 'Choose the GIAS establishment file', type: { name: 'GIAS establishment file (.csv)', extensions: ['csv'] } },
  people: { title: 'Choose the spreadsheet of people', type: SPREADSHEET },
  connections: { title: 'Choose the spreadsheet of declared connections', type: SPREADSHEET },
  allocations: { title: 'Choose the allocations spreadsheet', type: SPREADSHEET },
  hubs: { title: 'Choose the spreadsheet of schools’ hubs', type: SPREADSHEET },
  termDates: { title: 'Choose the council’s term dates', type: { name: 'Calendar (.ics)', extensions: ['ics'] } },
  bankHolidays: { title: 'Choose gov.uk’s bank-holidays.json', type: { name: 'gov.uk bank holidays (.json)', extensions: ['json'] } },
  template: { title: 'Choose a Word template', type: { name: 'Word document (.docx)', extensions: ['docx'] } },
} as const satisfies Record<string, { title: string; type: FileType }>;
export type OpenPurpose = keyof typeof OPEN_PURPOSES;

/** Files LinkDesk writes at a place the person chooses. */
export const SAVE_PURPOSES = {
  database: { title: 'Save the new team database as', type: TEAM_DATABASE },
  backupCopy: { title: 'Save a copy of the database as', type: TEAM_DATABASE },
  calendar: { title: 'Save the calendar as', type: { name: 'Calendar for Outlook (.ics)', extensions: ['ics'] } },
  spocList: { title: 'Save the SPOC contact list as', type: { name: 'Excel workbook (.xlsx)', extensions: ['xlsx'] } },
  refusedRows: { title: 'Save the refused rows as', type: { name: 'Excel workbook (.xlsx)', extensions: ['xlsx'] } },
  reportWord: { title: 'Save the report as', type: { name: 'Word document (.docx)', extensions: ['docx'] } },
  reportWorkbook: { title: 'Save the report’s workbook as', type: { name: 'Excel workbook (.xlsx)', extensions: ['xlsx'] } },
  escalationLog: { title: 'Save the escalation log as', type: { name: 'Word document (.docx)', extensions: ['docx'] } },
  subjectAccess: { title: 'Save the subject access bundle as', type: { name: 'Word document (.docx)', extensions: ['docx'] } },
} as const satisfies Record<string, { title: string; type: FileType }>;
export type SavePurpose = keyof typeof SAVE_PURPOSES;

export const FOLDER_PURPOSES = {
  teamFolder: { title: 'Choose the team folder' },
  backupFolder: { title: 'Choose the backup folder' },
} as const satisfies Record<string, { title: string }>;
export type FolderPurpose = keyof typeof FOLDER_PURPOSES;

/**
 * What a browser may upload to the local server in browser mode: the imports, read once. A team
 * database or a backup is never uploaded: it must stay where it is (browser mode types its path).
 */
export const UPLOAD_PURPOSES = ['gias', 'people', 'connections', 'allocations', 'hubs', 'termDates', 'bankHolidays', 'template'] as const satisfies readonly OpenPurpose[];
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

export function isUploadPurpose(purpose: string): purpose is UploadPurpose {
  return (UPLOAD_PURPOSES as readonly string[]).includes(purpose);
}

const keysOf = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const ChooseOpenInput = z.object({ purpose: z.enum(keysOf(OPEN_PURPOSES)) }).strict();
export const ChooseSaveInput = z
  .object({
    purpose: z.enum(keysOf(SAVE_PURPOSES)),
    /** A file name only (no folder), offered in the dialog; the purpose's extension is added when it lacks it. */
    suggestedName: line().max(200).refine((n) => !/[\\/]/.test(n), 'A file name, without a folder').optional(),
  })
  .strict();
export const ChooseFolderInput = z.object({ purpose: z.enum(keysOf(FOLDER_PURPOSES)) }).strict();

/** A dialog's answer: null when the person cancelled. */
export interface ChosenPath {
  path: string | null;
}
/** A save dialog's answer; `exists` means the system's dialog already asked whether to replace it. */
export interface ChosenSavePath {
  path: string | null;
  exists: boolean;
}

/** The ids the local server gives uploads and downloads: 32 random bytes, base64url. */
export const TransferId = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'That uploaded file is not known: choose it again');

/** A file uploaded to the local server (browser mode), kept in a private temporary folder until it is imported. */
export interface UploadedFile {
  upload: string;
  /** The file's own name, as the browser gave it. */
  name: string;
  bytes: number;
}

/** An export waiting to be downloaded once from `/download/<id>`, then deleted. */
export interface DownloadTicket {
  id: string;
  name: string;
  bytes: number;
}

/** The lower-case extension of a file name, without its dot ('' for none). */
export function extensionOf(name: string): string {
  const match = /\.([^./\\]+)$/.exec(name);
  return match?.[1]?.toLowerCase() ?? '';
}

export function acceptsName(type: FileType, name: string): boolean {
  return type.extensions.includes(extensionOf(name));
}

/** "a .csv" or "an .xlsx or .csv": for messages. */
export function describeExtensions(type: FileType): string {
  const list = type.extensions.map((e) => `.${e}`);
  const text = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1] ?? ''}` : (list[0] ?? '');
  // Said aloud: "an eye-see-ess", "an ex-el-ess-ex", "a see-ess-vee".
  return `${/^\.(ics|xlsx)/i.test(text) ? 'an' : 'a'} ${text}`;
}

/**
 * Read from a path, or (browser mode) from an upload: exactly one. The path is the field a
 * person sees, so a problem with either is reported on `path`.
 */
export function oneFileToRead(required: string) {
  return (input: { path?: string | undefined; upload?: string | undefined }, ctx: z.RefinementCtx): void => {
    // An empty path has its own message already.
    if (input.path === undefined && !input.upload) ctx.addIssue({ code: 'custom', path: ['path'], message: required });
    if (input.path !== undefined && input.upload) ctx.addIssue({ code: 'custom', path: ['path'], message: 'Give the file’s path or upload it, not both' });
  };
}

/** Save at a path, or (browser mode) as a download: exactly one. */
export function oneFileToWrite(required: string) {
  return (input: { path?: string | undefined; download?: boolean | undefined }, ctx: z.RefinementCtx): void => {
    if (input.path === undefined && !input.download) ctx.addIssue({ code: 'custom', path: ['path'], message: required });
    if (input.path !== undefined && input.download) ctx.addIssue({ code: 'custom', path: ['path'], message: 'Save at a path or download the file, not both' });
  };
}
