/**
 * Panels the team attends (seed 004 section 9): Pupil Placement Panels in each area every four
 * weeks in term time, Behaviour Forums, Inclusion Partnerships and reintegration panels. Each
 * meeting records who from the team was expected, who attended and who sent apologies.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { line, lines } from './text.ts';

export const PANEL_TYPES = ['pupil_placement', 'behaviour_forum', 'inclusion_partnership', 'reintegration', 'other'] as const;
export type PanelType = (typeof PANEL_TYPES)[number];
export const PANEL_TYPE_LABELS: Record<PanelType, string> = {
  pupil_placement: 'Pupil Placement Panel',
  behaviour_forum: 'Behaviour Forum / Pastoral Network',
  inclusion_partnership: 'Inclusion Partnership',
  reintegration: 'Reintegration panel',
  other: 'Other panel',
};

export const RESPONSES = ['expected', 'attended', 'apologies'] as const;
export type Response = (typeof RESPONSES)[number];
export const RESPONSE_LABELS: Record<Response, string> = { expected: 'Expected to attend', attended: 'Attended', apologies: 'Sent apologies' };

const IsoDate = isoDate();
const Time = z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time as hh:mm, for example 09:30')]).optional().transform((v) => (v ? v : null));
const optionalText = (max: number) => (max >= 1000 ? lines() : line()).max(max, `Keep this under ${max} characters`).optional().transform((v) => (v ? v : null));

export const PanelInput = z
  .object({
    id: z.string().uuid().optional(),
    name: line().min(1, 'Give the panel a name').max(120),
    type: z.enum(PANEL_TYPES, 'Choose the type of panel'),
    area: line().min(1, 'Say which area the panel covers').max(80),
    /** Every N weeks of term time; null for a panel that meets when called. */
    everyWeeks: z.number().int('Give a whole number of weeks').min(1, 'At least every week').max(26, 'At most every 26 weeks').nullable(),
    usualTime: Time,
    location: optionalText(200),
  })
  .strict();
export type PanelInput = z.input<typeof PanelInput>;

export const GenerateMeetingsInput = z
  .object({
    panelId: z.string().uuid(),
    from: IsoDate,
    until: IsoDate,
    dryRun: z.boolean().default(false),
    /** Count the weeks again from `from` (the panel's pattern changed); otherwise the count runs on from the panel's first planned meeting. */
    restart: z.boolean().default(false),
  })
  .strict()
  .refine((g) => g.from <= g.until, { message: 'The last date is before the first', path: ['until'] });

export const AddMeetingInput = z.object({ panelId: z.string().uuid(), date: IsoDate, time: Time }).strict();

export const UpdateMeetingInput = z
  .object({
    id: z.string().uuid(),
    date: IsoDate,
    time: Time,
    cancelled: z.boolean(),
    cancelledReason: optionalText(500),
  })
  .strict()
  .refine((m) => !m.cancelled || m.cancelledReason, { message: 'Say why the meeting is cancelled', path: ['cancelledReason'] });

export const Tag = line().min(1).max(40, 'Keep each tag under 40 characters');

export const RecordMeetingInput = z
  .object({
    id: z.string().uuid(),
    attendance: z.array(z.object({ personId: z.string().uuid(), response: z.enum(RESPONSES) }).strict()).max(100),
    notes: optionalText(8000),
    themes: optionalText(4000),
    tags: z.array(Tag).max(20, 'Use at most 20 tags'),
  })
  .strict()
  .refine((m) => new Set(m.attendance.map((a) => a.personId)).size === m.attendance.length, { message: 'Each person can be listed once', path: ['attendance'] });

export const AttendanceReportInput = z
  .object({ from: IsoDate, to: IsoDate })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'The end is before the start', path: ['to'] });

export interface Panel {
  id: string;
  name: string;
  type: PanelType;
  area: string;
  everyWeeks: number | null;
  usualTime: string | null;
  location: string | null;
  /** The first planned meeting: the cadence counts term weeks from it. Null until meetings are planned. */
  anchor: string | null;
}

export interface PanelSummary extends Panel {
  nextMeeting: string | null;
  meetings: number;
}

export interface MeetingAttendance {
  personId: string;
  personName: string;
  response: Response;
}

export interface PanelMeeting {
  id: string;
  panelId: string;
  panelName: string;
  area: string;
  /** The date the schedule gave it; differs from `date` when the meeting was moved. */
  slot: string | null;
  date: string;
  time: string | null;
  cancelled: boolean;
  cancelledReason: string | null;
  notes: string | null;
  themes: string | null;
  tags: string[];
  attendance: MeetingAttendance[];
  updatedAt: string;
}

export interface PanelDetail {
  panel: Panel;
  meetings: PanelMeeting[];
}

export interface GeneratedMeetings {
  /** Dates added (or, on a dry run, that would be). */
  dates: string[];
  /** Dates the schedule already held, moved or cancelled included: left as they are. */
  kept: string[];
  /** Meetings moved to another day of the same week: a bank holiday, or the term starting or ending that week. */
  shifted: { from: string; to: string }[];
}

export interface AttendanceRow {
  key: string;
  label: string;
  meetings: number;
  attended: number;
  apologies: number;
  nobody: number;
  /** Past meetings where the team's attendance was never recorded: people still only "expected". */
  notRecorded: number;
}

export interface AttendanceReport {
  from: string;
  to: string;
  byPanel: AttendanceRow[];
  byPerson: AttendanceRow[];
}

/** Someone from the team is going or went. */
export function isCovered(meeting: Pick<PanelMeeting, 'attendance'>): boolean {
  return meeting.attendance.some((a) => a.response === 'expected' || a.response === 'attended');
}

/** "Pupil Placement Panel (North)": how a meeting is named in lists and the calendar. */
export function panelTitle(panel: { name: string; area: string }): string {
  return panel.name.toLowerCase().includes(panel.area.toLowerCase()) ? panel.name : `${panel.name} (${panel.area})`;
}
