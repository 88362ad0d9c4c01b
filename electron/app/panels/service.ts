/** Panels, their generated meeting schedules, and who from the team attends. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { panelSchedule, uncoveredSpan, inTermTime } from '../../../shared/domain/panel-schedule.ts';
import {
  isCovered,
  panelTitle,
  type AddMeetingInput,
  type AttendanceReport,
  type AttendanceRow,
  type GeneratedMeetings,
  type GenerateMeetingsInput,
  type Panel,
  type PanelDetail,
  type PanelInput,
  type PanelMeeting,
  type RecordMeetingInput,
  type UpdateMeetingInput,
} from '../../../shared/domain/panels.ts';
import { isWeekend } from '../../../shared/domain/working-days.ts';
import { AppError } from '../../../shared/errors.ts';
import { formatDate, localDay, plural } from '../../../shared/format.ts';
import { listYears } from '../calendar/service.ts';
import { selectBankHolidays } from '../calendar/repo.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { requirePerson } from '../people/service.ts';
import {
  insertMeeting,
  insertPanel,
  replaceAttendance,
  selectMeeting,
  selectMeetingsBetween,
  selectMeetingsOfPanel,
  selectPanel,
  selectPanelByName,
  selectSlots,
  updateMeetingDate,
  updateMeetingRecord,
  updatePanel,
  updatePanelAnchor,
} from './repo.ts';

export function requirePanel(db: Connection, id: string): Panel {
  const panel = selectPanel(db, id);
  if (!panel) throw new AppError('not_found', 'There is no such panel.');
  return panel;
}

export function requireMeeting(db: Connection, id: string): PanelMeeting {
  const meeting = selectMeeting(db, id);
  if (!meeting) throw new AppError('not_found', 'There is no such panel meeting.');
  return meeting;
}

export function savePanel(ctx: WriteContext, input: z.output<typeof PanelInput>): Panel {
  const same = selectPanelByName(ctx.db, input.name, input.area);
  if (same && same.id !== input.id) {
    throw new AppError('invalid_input', `There is already a panel called ${input.name} in ${input.area}.`, { issues: [{ path: 'name', message: 'Already used in this area' }] });
  }
  if (input.id) requirePanel(ctx.db, input.id);
  const panel: Panel = { ...input, id: input.id ?? randomUUID(), anchor: input.id ? (selectPanel(ctx.db, input.id)?.anchor ?? null) : null };
  write(ctx, (audit) => {
    if (input.id) updatePanel(ctx.db, panel);
    else insertPanel(ctx.db, panel, ctx.now().toISOString());
    audit('panel', panel.id, input.id ? 'update' : 'create', `${panel.name} (${panel.area})`);
  });
  return panel;
}

export function panelDetail(db: Connection, id: string): PanelDetail {
  return { panel: requirePanel(db, id), meetings: selectMeetingsOfPanel(db, id) };
}

/**
 * Adds the schedule's meetings between two dates. Term weeks are counted from the panel's first
 * planned meeting (its anchor), so planning again later stays in step; slots already held
 * (moved or cancelled too) are kept as they are. A restart, or a first date before the anchor,
 * counts from the new first date instead.
 */
export function generateMeetings(ctx: WriteContext, input: z.output<typeof GenerateMeetingsInput>): GeneratedMeetings {
  const panel = requirePanel(ctx.db, input.panelId);
  if (!panel.everyWeeks) {
    throw new AppError('invalid_input', `${panel.name} has no cadence: set "meets every N weeks" first, or add its meetings one by one.`, { issues: [{ path: 'everyWeeks', message: 'No cadence' }] });
  }
  const newAnchor = input.restart || !panel.anchor || input.from < panel.anchor;
  const anchor = newAnchor ? input.from : (panel.anchor ?? input.from);
  if (newAnchor && isWeekend(anchor)) {
    throw new AppError('invalid_input', `${formatDate(anchor)} is a weekend: give the weekday of the panel's first meeting.`, { issues: [{ path: 'from', message: 'A weekend' }] });
  }
  const terms = listYears(ctx.db).flatMap((y) => y.terms);
  const gap = uncoveredSpan(terms, anchor, input.until);
  if (gap) {
    throw new AppError('invalid_input', `No school year entered covers ${gap}: enter its term dates in Settings first, so that holidays are skipped.`, { issues: [{ path: 'until', message: 'Outside the school years entered' }] });
  }
  const schedule = panelSchedule({ terms, bankHolidays: new Set(selectBankHolidays(ctx.db).map((b) => b.day)) }, anchor, input.until, panel.everyWeeks).filter((m) => m.date >= input.from);
  const held = selectSlots(ctx.db, panel.id);
  const fresh = schedule.filter((m) => !held.has(m.slot));
  const result: GeneratedMeetings = {
    dates: fresh.map((m) => m.date),
    kept: schedule.filter((m) => held.has(m.slot)).map((m) => m.slot),
    shifted: fresh.filter((m) => m.slot !== m.date).map((m) => ({ from: m.slot, to: m.date })),
  };
  if (input.dryRun || (fresh.length === 0 && !newAnchor)) return result;
  write(ctx, (audit) => {
    const at = ctx.now().toISOString();
    if (newAnchor) updatePanelAnchor(ctx.db, panel.id, anchor);
    for (const m of fresh) insertMeeting(ctx.db, { id: randomUUID(), panelId: panel.id, slot: m.slot, date: m.date, time: panel.usualTime }, at);
    audit('panel', panel.id, 'generate-meetings', `${plural(fresh.length, 'meeting')} from ${formatDate(input.from)} to ${formatDate(input.until)}${newAnchor ? `, counting from ${formatDate(anchor)}` : ''}`);
  });
  return result;
}

function dayWarnings(db: Connection, date: string): string[] {
  const terms = listYears(db).flatMap((y) => y.terms);
  const warnings: string[] = [];
  if (isWeekend(date)) warnings.push(`${formatDate(date)} is a weekend.`);
  else if (selectBankHolidays(db).some((b) => b.day === date)) warnings.push(`${formatDate(date)} is a bank holiday.`);
  else if (terms.length > 0 && !inTermTime(terms, date)) warnings.push(`${formatDate(date)} is in the school holidays.`);
  return warnings;
}

export function addMeeting(ctx: WriteContext, input: z.output<typeof AddMeetingInput>): { meeting: PanelMeeting; warnings: string[] } {
  const panel = requirePanel(ctx.db, input.panelId);
  const id = randomUUID();
  write(ctx, (audit) => {
    insertMeeting(ctx.db, { id, panelId: panel.id, slot: null, date: input.date, time: input.time ?? panel.usualTime }, ctx.now().toISOString());
    audit('panel-meeting', id, 'add', `${panel.name} on ${formatDate(input.date)}`);
  });
  return { meeting: requireMeeting(ctx.db, id), warnings: dayWarnings(ctx.db, input.date) };
}

export function updateMeeting(ctx: WriteContext, input: z.output<typeof UpdateMeetingInput>): { meeting: PanelMeeting; warnings: string[] } {
  const before = requireMeeting(ctx.db, input.id);
  write(ctx, (audit) => {
    updateMeetingDate(ctx.db, { ...input, cancelledReason: input.cancelledReason ?? null }, ctx.now().toISOString());
    const what = input.cancelled ? `cancelled: ${input.cancelledReason ?? ''}` : before.date !== input.date ? `moved from ${formatDate(before.date)} to ${formatDate(input.date)}` : 'updated';
    audit('panel-meeting', input.id, input.cancelled ? 'cancel' : 'update', what);
  });
  return { meeting: requireMeeting(ctx.db, input.id), warnings: input.cancelled ? [] : dayWarnings(ctx.db, input.date) };
}

export function recordMeeting(ctx: WriteContext, input: z.output<typeof RecordMeetingInput>): PanelMeeting {
  const meeting = requireMeeting(ctx.db, input.id);
  const today = localDay(ctx.now());
  input.attendance.forEach((a) => {
    const person = requirePerson(ctx.db, a.personId);
    if (a.response === 'attended' && meeting.date > today) {
      throw new AppError('invalid_input', `${person.name}: the meeting on ${formatDate(meeting.date)} has not happened yet, so nobody can have attended it. Choose Expected to attend or Sent apologies.`, { issues: [{ path: `attendance.${a.personId}`, message: `${person.name}: not happened yet` }] });
    }
    if (a.response === 'attended' && meeting.cancelled) {
      throw new AppError('invalid_input', `${person.name}: nobody can attend a cancelled meeting. Reinstate it first.`, { issues: [{ path: `attendance.${a.personId}`, message: `${person.name}: the meeting is cancelled` }] });
    }
  });
  const tags = [...new Set(input.tags.map((t) => t.toLowerCase()))];
  write(ctx, (audit) => {
    replaceAttendance(ctx.db, input.id, input.attendance);
    updateMeetingRecord(ctx.db, { id: input.id, notes: input.notes, themes: input.themes, tags }, ctx.now().toISOString());
    audit('panel-meeting', input.id, 'record', `${input.attendance.length} from the team`);
  });
  return requireMeeting(ctx.db, input.id);
}

/** Coming meetings (not cancelled) that nobody from the team is yet expected at. */
export function uncoveredMeetings(db: Connection, today: string, until: string): PanelMeeting[] {
  return selectMeetingsBetween(db, today, until).filter((m) => !m.cancelled && !isCovered(m));
}

/** Attendance at the meetings held in a period (not cancelled, not in the future), by panel and by person. */
export function attendanceReport(db: Connection, from: string, to: string, today: string): AttendanceReport {
  const held = selectMeetingsBetween(db, from, to < today ? to : today).filter((m) => !m.cancelled);
  const byPanel = new Map<string, AttendanceRow>();
  const byPerson = new Map<string, AttendanceRow>();
  const row = (map: Map<string, AttendanceRow>, key: string, label: string) => {
    const existing = map.get(key) ?? { key, label, meetings: 0, attended: 0, apologies: 0, nobody: 0, notRecorded: 0 };
    map.set(key, existing);
    return existing;
  };
  for (const m of held) {
    const panel = row(byPanel, m.panelId, panelTitle({ name: m.panelName, area: m.area }));
    panel.meetings++;
    if (m.attendance.some((a) => a.response === 'attended')) panel.attended++;
    else if (m.attendance.some((a) => a.response === 'apologies')) panel.apologies++;
    else if (m.attendance.some((a) => a.response === 'expected')) panel.notRecorded++;
    else panel.nobody++;
    for (const a of m.attendance) {
      const person = row(byPerson, a.personId, a.personName);
      person.meetings++;
      if (a.response === 'attended') person.attended++;
      else if (a.response === 'apologies') person.apologies++;
      else person.notRecorded++;
    }
  }
  const byLabel = (a: AttendanceRow, b: AttendanceRow) => a.label.localeCompare(b.label);
  return { from, to, byPanel: [...byPanel.values()].sort(byLabel), byPerson: [...byPerson.values()].sort(byLabel) };
}
