import type { MeetingAttendance, Panel, PanelMeeting, PanelSummary, Response } from '../../../shared/domain/panels.ts';
import { statement, type Connection } from '../db/cipher.ts';

interface PanelRow {
  id: string;
  name: string;
  type: Panel['type'];
  area: string;
  every_weeks: number | null;
  usual_time: string | null;
  location: string | null;
  anchor_date: string | null;
}

interface MeetingRow {
  id: string;
  panel_id: string;
  panel_name: string;
  area: string;
  slot: string | null;
  date: string;
  time: string | null;
  cancelled: number;
  cancelled_reason: string | null;
  notes: string | null;
  themes: string | null;
  tags: string;
  updated_at: string;
}

const toPanel = (r: PanelRow): Panel => ({ id: r.id, name: r.name, type: r.type, area: r.area, everyWeeks: r.every_weeks, usualTime: r.usual_time, location: r.location, anchor: r.anchor_date });

export function insertPanel(db: Connection, p: Panel, at: string): void {
  statement(db, 'INSERT INTO panel (id, name, type, area, every_weeks, usual_time, location, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    p.id, p.name, p.type, p.area, p.everyWeeks, p.usualTime, p.location, at,
  );
}

export function updatePanel(db: Connection, p: Panel): void {
  statement(db, 'UPDATE panel SET name = ?, type = ?, area = ?, every_weeks = ?, usual_time = ?, location = ? WHERE id = ?').run(
    p.name, p.type, p.area, p.everyWeeks, p.usualTime, p.location, p.id,
  );
}

export function updatePanelAnchor(db: Connection, id: string, anchor: string): void {
  statement(db, 'UPDATE panel SET anchor_date = ? WHERE id = ?').run(anchor, id);
}

export function selectPanel(db: Connection, id: string): Panel | undefined {
  const row = statement(db, 'SELECT * FROM panel WHERE id = ?').get(id) as PanelRow | undefined;
  return row ? toPanel(row) : undefined;
}

export function selectPanelByName(db: Connection, name: string, area: string): Panel | undefined {
  const row = statement(db, 'SELECT * FROM panel WHERE lower(name) = lower(?) AND lower(area) = lower(?)').get(name, area) as PanelRow | undefined;
  return row ? toPanel(row) : undefined;
}

export function selectPanels(db: Connection, today: string): PanelSummary[] {
  const rows = statement(
    db,
    `SELECT p.*, (SELECT min(date) FROM panel_meeting m WHERE m.panel_id = p.id AND m.cancelled = 0 AND m.date >= ?) AS next_meeting,
            (SELECT count(*) FROM panel_meeting m WHERE m.panel_id = p.id) AS meetings
       FROM panel p ORDER BY p.name COLLATE NOCASE, p.area COLLATE NOCASE`,
  ).all(today) as (PanelRow & { next_meeting: string | null; meetings: number })[];
  return rows.map((r) => ({ ...toPanel(r), nextMeeting: r.next_meeting, meetings: r.meetings }));
}

const MEETING_SELECT = 'SELECT m.*, p.name AS panel_name, p.area AS area FROM panel_meeting m JOIN panel p ON p.id = m.panel_id';

function attendanceOf(db: Connection, meetingIds: string[]): Map<string, MeetingAttendance[]> {
  const byMeeting = new Map<string, MeetingAttendance[]>();
  if (meetingIds.length === 0) return byMeeting;
  const rows = statement(
    db,
    `SELECT a.meeting_id, a.person_id, a.response, p.name FROM panel_attendance a JOIN person p ON p.id = a.person_id
      WHERE a.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY p.name COLLATE NOCASE`,
  ).all(JSON.stringify(meetingIds)) as { meeting_id: string; person_id: string; response: Response; name: string }[];
  for (const r of rows) {
    const list = byMeeting.get(r.meeting_id) ?? [];
    list.push({ personId: r.person_id, personName: r.name, response: r.response });
    byMeeting.set(r.meeting_id, list);
  }
  return byMeeting;
}

function toMeetings(db: Connection, rows: MeetingRow[]): PanelMeeting[] {
  const attendance = attendanceOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, panelId: r.panel_id, panelName: r.panel_name, area: r.area, slot: r.slot, date: r.date, time: r.time,
    cancelled: r.cancelled === 1, cancelledReason: r.cancelled_reason, notes: r.notes, themes: r.themes,
    tags: JSON.parse(r.tags) as string[], attendance: attendance.get(r.id) ?? [], updatedAt: r.updated_at,
  }));
}

export function selectMeeting(db: Connection, id: string): PanelMeeting | undefined {
  return toMeetings(db, statement(db, `${MEETING_SELECT} WHERE m.id = ?`).all(id) as MeetingRow[])[0];
}

export function selectMeetingsOfPanel(db: Connection, panelId: string): PanelMeeting[] {
  return toMeetings(db, statement(db, `${MEETING_SELECT} WHERE m.panel_id = ? ORDER BY m.date, m.time`).all(panelId) as MeetingRow[]);
}

export function selectMeetingsBetween(db: Connection, from: string, to: string): PanelMeeting[] {
  return toMeetings(db, statement(db, `${MEETING_SELECT} WHERE m.date BETWEEN ? AND ? ORDER BY m.date, m.time, p.name`).all(from, to) as MeetingRow[]);
}

export function selectSlots(db: Connection, panelId: string): Set<string> {
  return new Set((statement(db, 'SELECT slot FROM panel_meeting WHERE panel_id = ? AND slot IS NOT NULL').all(panelId) as { slot: string }[]).map((r) => r.slot));
}

export function insertMeeting(db: Connection, m: { id: string; panelId: string; slot: string | null; date: string; time: string | null }, at: string): void {
  statement(db, 'INSERT INTO panel_meeting (id, panel_id, slot, date, time, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(m.id, m.panelId, m.slot, m.date, m.time, at);
}

export function updateMeetingDate(db: Connection, m: { id: string; date: string; time: string | null; cancelled: boolean; cancelledReason: string | null }, at: string): void {
  statement(db, 'UPDATE panel_meeting SET date = ?, time = ?, cancelled = ?, cancelled_reason = ?, updated_at = ? WHERE id = ?').run(
    m.date, m.time, m.cancelled ? 1 : 0, m.cancelled ? m.cancelledReason : null, at, m.id,
  );
}

export function updateMeetingRecord(db: Connection, m: { id: string; notes: string | null; themes: string | null; tags: string[] }, at: string): void {
  statement(db, 'UPDATE panel_meeting SET notes = ?, themes = ?, tags = ?, updated_at = ? WHERE id = ?').run(m.notes, m.themes, JSON.stringify(m.tags), at, m.id);
}

export function replaceAttendance(db: Connection, meetingId: string, attendance: { personId: string; response: Response }[]): void {
  statement(db, 'DELETE FROM panel_attendance WHERE meeting_id = ?').run(meetingId);
  const insert = statement(db, 'INSERT INTO panel_attendance (meeting_id, person_id, response) VALUES (?, ?, ?)');
  for (const a of attendance) insert.run(meetingId, a.personId, a.response);
}
