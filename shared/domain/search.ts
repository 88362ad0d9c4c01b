/**
 * Search that finds what people type. One folding for every list, picker and the API's search:
 * GIAS writes "St Peter’s" with a curly apostrophe, a person types "st peters"; a school is
 * "Café", the keyboard has no é. Both sides are folded the same way, then compared, so the
 * register's index (school.search_text), the SQL query and a screen that filters its own rows
 * all agree on what matches.
 */

/**
 * Apostrophes and quotes of every kind, removed rather than turned into spaces (Peter’s ->
 * peters): straight, curly, low-9, reversed, primes, guillemets, the modifier letters
 * keyboards and word processors put in their place, the full-width forms, and the spacing
 * accents (´ ` ¨), which are accents, not words. Removed before the Unicode decomposition,
 * which would turn ´ and ″ into a space and a combining mark.
 */
const QUOTES = /[\p{Pi}\p{Pf}\p{Sk}'"‚„′″‴‵‶‷⁗ʹʺʻʼʽʾʿˈˊˋˮ＇＂]/gu;
/** Letters that carry no combining mark to remove, and their plain spellings. */
const PLAIN_LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l', ĸ: 'k', ŋ: 'n', ſ: 's', ς: 'σ' };
const PLAIN_LETTER = new RegExp(`[${Object.keys(PLAIN_LETTERS).join('')}]`, 'gu');
const MARKS = /\p{M}/gu;
/** Hyphens, dashes, full stops, commas, brackets, slashes, spaces: anything not a letter or a digit separates words. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** "St", "St." and "Saint" are one word (the full stop is a separator already). */
const SAINT = 'saint';
const ST = 'st';
const SAINT_WORD = /(^| )saint(?= |$)/g;

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
/** The ASCII members of QUOTES: the straight quotes, the backtick and the circumflex. */
const ASCII_QUOTES = /['"`^]/g;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;

/**
 * The folded form: lower case, no accents, no apostrophes or quotes, words separated by one
 * space, "saint" written "st". Idempotent: folding a folded text changes nothing.
 */
export function foldForSearch(text: string): string {
  // Most names are plain ASCII: the same folding without the Unicode passes, several times faster
  // (a national GIAS import folds 37,000 names).
  const folded = PRINTABLE_ASCII.test(text) ? foldAscii(text) : foldUnicode(text);
  return folded === '' || !folded.includes(SAINT) ? folded : folded.replace(SAINT_WORD, `$1${ST}`);
}

function foldAscii(text: string): string {
  return text.toLowerCase().replace(ASCII_QUOTES, '').replace(ASCII_SEPARATORS, ' ').trim();
}

function foldUnicode(text: string): string {
  return text
    .replace(QUOTES, '')
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(QUOTES, '')
    .replace(PLAIN_LETTER, (c) => PLAIN_LETTERS[c] ?? c)
    .replace(SEPARATORS, ' ')
    .trim();
}

/** One folded word of a query, and where it may match. */
export interface SearchAlternative {
  text: string;
  /** One or two letters match only at the start of a word ("st" finds St Mary’s, not Priestley). */
  atWordStart: boolean;
}

/** Each typed word narrows the search; a word matches when any of its alternatives does. */
export type SearchTerm = readonly SearchAlternative[];

const WORD_START_BELOW = 3;

const alternative = (text: string): SearchAlternative => ({ text, atWordStart: [...text].length < WORD_START_BELOW });

/**
 * The words of a query, folded. Three letters or more match anywhere (the index is of
 * trigrams); one or two at the start of a word. "sai" and "sain", typed on the way to
 * "saint", also find the schools whose folded name says "st".
 */
export function searchTerms(query: string): SearchTerm[] {
  const folded = foldForSearch(query);
  if (folded === '') return [];
  return folded.split(' ').map((word) => {
    const typingSaint = word.length >= WORD_START_BELOW && word.length < SAINT.length && SAINT.startsWith(word);
    return typingSaint ? [alternative(word), alternative(ST)] : [alternative(word)];
  });
}

/**
 * The folded text as the register's index holds it: every word preceded by two spaces, so the
 * start of a word is part of a trigram ("  a", " st"). Screens compare against the same form.
 */
export function wordStartForm(folded: string): string {
  return folded === '' ? '' : `  ${folded.replaceAll(' ', '  ')}`;
}

/** The pattern an alternative must be found as, in the word-start form: padded to three when short. */
export function searchPattern(a: SearchAlternative): string {
  return a.atWordStart ? `${' '.repeat(WORD_START_BELOW - [...a.text].length)}${a.text}` : a.text;
}

/** True when every term of the query matches the text: the same rule the register's search applies in SQL. */
export function matchesSearch(text: string, query: string | readonly SearchTerm[]): boolean {
  const terms = typeof query === 'string' ? searchTerms(query) : query;
  if (terms.length === 0) return true;
  const haystack = wordStartForm(foldForSearch(text));
  return terms.every((term) => term.some((a) => haystack.includes(searchPattern(a))));
}

/** The rows whose text (several fields joined) matches the query, in their order. */
export function filterBySearch<T>(rows: readonly T[], query: string, textOf: (row: T) => string): T[] {
  const terms = searchTerms(query);
  return terms.length === 0 ? [...rows] : rows.filter((row) => matchesSearch(textOf(row), terms));
}
