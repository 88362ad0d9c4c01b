/**
 * Children are recorded by reference, never by name (DESIGN.md). This finds what breaks that rule
 * in a record: a child reference that looks like a name ("Jack Brown" typed as initials) and a
 * likely full name in free text (notes, summaries, actions). The screens show the findings
 * before saving; the main process refuses to make a Word record while any is left unconfirmed.
 *
 * The rule for free text, kept narrow so that a record is not covered in false alarms: a likely
 * full name is a word from the bundled list of common forenames, written with a capital, followed
 * by a capitalised word (a surname: Brown, O'Neill, Smith-Jones), unless
 * - a title stands before it (Mrs Grace Hall is an adult: Mr, Mrs, Ms, Miss, Mx, Dr, St, Saint),
 * - the capitalised word, or the one after it, is a school, place or role word (Grace Darling
 *   Academy, Hope Street, Sarah (DSL) is not caught because "(" breaks the pair anyway),
 * - it is the name of an adult the record itself names (attendees, who has an action),
 * - or a person has confirmed that it is not a child's name.
 * A first name alone ("Jack was absent") is not caught: it does not identify a child on its own,
 * and catching every forename would flag half the words of a note.
 */
export interface NameFinding {
  /** The form field, as the form's error paths name it: "otherIssues", "children.0.action". */
  field: string;
  /** The field as the person knows it: "Other issues", "Child 1: action". */
  label: string;
  /** The words found, as typed. */
  text: string;
  kind: 'reference' | 'free_text';
}

/** Initials are a few capital letters; anything with a lower-case word or a space looks like a name. */
export function looksLikeFullName(text: string): boolean {
  return /[a-z]{2,}/.test(text) || /\s/.test(text.trim());
}

/** Everyday words that are also in the forename list and start phrases of these records: "Early Help", "Fair Access", "May Half Term". */
export const NOT_FORENAMES = new Set(
  'Early Fair Will May Mark Bill Major Royal Page Art Chance Easter Tuesday Hall King Rich Ward Price Christian Star Sky Bay Lane Brook Win Les Gay Merry Noble August Herb Fern Misty Stormy Windy Sunny Lorry Bud Rusty Dusty English French Young Jewel Jewell Storm Rain Happy Temperance Honor Honour Justice Unity Trust'.split(' '),
);

const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'St', 'Saint', 'Sir', 'Dame', 'Lady', 'Lord', 'Prof', 'Professor', 'Rev', 'Father', 'Sister']);

/** Words that make a capitalised pair a school, place, service or role rather than a child. */
const NOT_SURNAMES = new Set(
  (
    'School Schools Primary Secondary Academy College Infant Infants Junior Juniors Nursery Church CE RC Catholic Trust Federation Centre Center Hospital Surgery Road Street Lane Avenue Close House Court Park Hall Way Drive Council County Borough Team Hub Service Services ' +
    'DSL SENCO SENDCo Head Headteacher Teacher Teachers Deputy Nurse Worker Manager Officer Panel Forum Unit Ward Clinic Practice Partnership Group Project Programme Plan EHCP EHC APC PRU MASH IFD CAMHS SEND ' +
    'Term Half Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Year Reception'
  ).split(' '),
);

const WORD = /[A-Za-z][A-Za-z'’-]*/g;
const CAPITALISED = /^(?:[A-Z][a-z]+(?:['’-][A-Za-z][a-z]*)*|(?:Mc|Mac|O['’])[A-Z][a-z]+)(?:['’]s?)?$/;

let forenames: Promise<ReadonlySet<string>> | undefined;
/** The bundled forename list, loaded once, on first use (it is 60 KB). */
export function loadForenames(): Promise<ReadonlySet<string>> {
  forenames ??= import('./forename-list.ts').then(({ FORENAME_LIST }) => new Set(FORENAME_LIST.split(' ').filter((n) => !NOT_FORENAMES.has(n))));
  return forenames;
}

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Likely full names in one piece of free text, by the rule above; adults' names and confirmed phrases are left out. */
export function likelyNamesIn(text: string, names: ReadonlySet<string>, adults: readonly string[] = []): string[] {
  const words = [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const adultText = fold(adults.join(' | '));
  const found: string[] = [];
  words.forEach((w, i) => {
    const next = words[i + 1];
    if (!next || !names.has(w.word) || !CAPITALISED.test(next.word)) return;
    if (!/^\s+$/.test(text.slice(w.end, next.start)) || /\n/.test(text.slice(w.end, next.start))) return;
    const before = words[i - 1];
    if (before && TITLES.has(before.word) && /^\.?\s+$/.test(text.slice(before.end, w.start))) return;
    const after = words[i + 2];
    if (NOT_SURNAMES.has(next.word) || (after && NOT_SURNAMES.has(after.word) && /^\s+$/.test(text.slice(next.end, after.start)))) return;
    const phrase = `${w.word} ${next.word.replace(/['’]s?$/, '')}`;
    if (adultText.includes(fold(phrase))) return;
    if (!found.includes(phrase)) found.push(phrase);
  });
  return found;
}

/** The findings a person has not yet confirmed as not a child's name. */
export function unconfirmedFindings(findings: readonly NameFinding[], confirmed: readonly string[]): NameFinding[] {
  const ok = new Set(confirmed.map(fold));
  return findings.filter((f) => !ok.has(fold(f.text)));
}

interface ChildRefLike { initials: string }

function referenceFindings(children: readonly ChildRefLike[], pathOf: (i: number) => string): NameFinding[] {
  return children.flatMap((c, i) => (looksLikeFullName(c.initials) ? [{ field: pathOf(i), label: `Child ${i + 1}: initials`, text: c.initials.trim(), kind: 'reference' as const }] : []));
}

function textFindings(field: string, label: string, text: string | null | undefined, names: ReadonlySet<string>, adults: readonly string[]): NameFinding[] {
  return text ? likelyNamesIn(text, names, adults).map((t) => ({ field, label, text: t, kind: 'free_text' as const })) : [];
}

/** The parts of a visit record that are checked; the stored record and the form's input both have them. */
export interface VisitRecordText {
  schoolAttendees: string;
  teamAttendees: string;
  children: readonly { child: ChildRefLike; action?: string | null | undefined; who?: string | null | undefined }[];
  managedMovesAgreed?: string | null | undefined;
  alternativeProvision?: string | null | undefined;
  unnotifiedExclusions?: string | null | undefined;
  otherIssues?: string | null | undefined;
}

export function visitRecordFindings(record: VisitRecordText, names: ReadonlySet<string>): NameFinding[] {
  const adults = [record.schoolAttendees, record.teamAttendees, ...record.children.map((c) => c.who ?? '')];
  return [
    ...referenceFindings(record.children.map((c) => c.child), (i) => `children.${i}.child.initials`),
    ...record.children.flatMap((c, i) => textFindings(`children.${i}.action`, `Child ${i + 1}: action`, c.action, names, adults)),
    ...textFindings('managedMovesAgreed', 'Managed moves agreed and facilitated', record.managedMovesAgreed, names, adults),
    ...textFindings('alternativeProvision', 'Children on roll placed in alternative provision', record.alternativeProvision, names, adults),
    ...textFindings('unnotifiedExclusions', 'Suspensions and exclusions not already notified', record.unnotifiedExclusions, names, adults),
    ...textFindings('otherIssues', 'Other issues', record.otherIssues, names, adults),
  ];
}

export interface ConsultationText {
  requestedBy: string;
  attendees: readonly { name: string }[];
  notes: Readonly<Record<string, string>>;
  children: readonly ChildRefLike[];
  actions: string;
}

export function consultationFindings(c: ConsultationText, names: ReadonlySet<string>, areaLabels: Readonly<Record<string, string>> = {}): NameFinding[] {
  const adults = [c.requestedBy, ...c.attendees.map((a) => a.name)];
  return [
    ...referenceFindings(c.children, (i) => `children.${i}.initials`),
    ...Object.entries(c.notes).flatMap(([area, text]) => textFindings(`notes.${area}`, `Notes: ${areaLabels[area] ?? area}`, text, names, adults)),
    ...textFindings('actions', 'Actions', c.actions, names, adults),
  ];
}

/** Free-text fields and child references of a form that makes no document (an escalation, a contact): highlighted, never confirmed. */
export function formFindings(fields: readonly { field: string; label: string; text: string }[], children: readonly ChildRefLike[], childrenField: string, names: ReadonlySet<string>, adults: readonly string[]): NameFinding[] {
  return [
    ...referenceFindings(children, () => childrenField),
    ...fields.flatMap((f) => textFindings(f.field, f.label, f.text, names, adults)),
  ];
}

/** The findings in words, one a line: "Other issues: “Jack Brown”". */
export function describeFindings(findings: readonly NameFinding[]): string[] {
  return findings.map((f) => `${f.label}: “${f.text}”${f.kind === 'reference' ? ' looks like a name, not initials' : ' may be a child’s name'}`);
}
