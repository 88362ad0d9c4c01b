/**
 * What a council's term-dates calendar gives, as LinkDesk works it out before saving: for each
 * school year, one way (or, where the file leaves a choice, several) to divide it into three
 * terms with a half-term each, the event every date came from, the INSET days found, and the
 * events it did not use.
 */
import type { Term } from './calendar.ts';

/** The event (or the gap between events) each date of a term came from, in words. */
export interface TermDateSources {
  startsOn: string;
  endsOn: string;
  halfTerm: string;
}

export interface InferredTerm extends Term {
  sources: TermDateSources;
}

/** One way to divide a school year; `notes` name the breaks this way counts as term time. */
export interface TermDatesOption {
  id: string;
  summary: string;
  notes: string[];
  terms: InferredTerm[];
}

export interface TermDatesYear {
  label: string;
  options: TermDatesOption[];
  /** The option LinkDesk thinks likeliest (Easter and half-term names, Easter Sunday). */
  suggested: string;
  /** More than one option: the person chooses before anything is saved. */
  needsChoice: boolean;
}

export interface IgnoredEvent {
  name: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

export interface TermDatesImport {
  applied: boolean;
  /** The file as read, so saving can refuse one changed since the preview. */
  file: { name: string; bytes: number; modifiedAt: string };
  years: TermDatesYear[];
  /** A school year the file covers only in part, at its start or end, with why: not imported. */
  partYears: { label: string; reason: string }[];
  /** INSET or staff training days inside the years found, offered for every school the team serves. */
  insetDays: { day: string; source: string }[];
  ignored: IgnoredEvent[];
  /** The schools the team serves, which the INSET days would be added to. */
  servedSchools: number;
  /** INSET days added (school by day) when applied with `addInsetDays`. */
  insetDaysAdded: number;
}

/** The term as saved, without where its dates came from. */
export const termOf = ({ name, startsOn, endsOn, halfTermFrom, halfTermTo }: InferredTerm): Term => ({ name, startsOn, endsOn, halfTermFrom, halfTermTo });
