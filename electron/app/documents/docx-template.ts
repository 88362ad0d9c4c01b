/**
 * Word templates with docxtemplater (its free core): {placeholder} tags, loops that repeat a
 * table row ({#children}…{/children}), and its inspect module to list a template's tags so a
 * council's own letterhead can be checked before it is used.
 */
import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { allowedPaths, RAW_PLACEHOLDERS, type TemplateCheck, type TemplateKind } from '../../../shared/domain/documents.ts';
import { AppError } from '../../../shared/errors.ts';
import { DOCX_TEMPLATE_LIMITS, formatBytes, formatCount, overLimit } from '../imports/limits.ts';
import { inflateEntry, openZip as openPackage } from '../imports/zip-file.ts';

interface DocxtemplaterErrorPart {
  properties?: { explanation?: string; xtag?: string; id?: string };
  message?: string;
}

const OPEN_BRACE = 0x7b;
const OPEN_ANGLE = 0x3c;

function countByte(bytes: Buffer, byte: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte); at >= 0; at = bytes.indexOf(byte, at + 1)) count++;
  return count;
}

/**
 * The template's package within limits, before docxtemplater parses it (which holds every
 * part's XML and every tag at once): size, parts, bytes once unpacked (declared, then counted
 * while inflating), bytes and elements of XML (at most one per "<"), and placeholders (at most
 * one per "{").
 */
function assertTemplateWithinLimits(bytes: Buffer, fileName: string): void {
  const limits = DOCX_TEMPLATE_LIMITS;
  if (bytes.length > limits.fileBytes) throw overLimit(fileName, `is larger than ${formatBytes(limits.fileBytes)}`, formatBytes(limits.fileBytes));
  const notAPackage = (reason: string) => new AppError('invalid_input', `${fileName} is not a Word .docx file (${reason}). Save it from Word as "Word Document (.docx)".`);
  const pkg = openPackage(fileName, bytes, limits.zip, notAPackage);
  const xmlParts = [...pkg.entries.values()].filter((e) => /\.(xml|rels)$/i.test(e.name));
  const tooMuchXml = () => overLimit(fileName, `has more than ${formatBytes(limits.xmlBytes)} of text and layout (XML)`, formatBytes(limits.xmlBytes));
  if (xmlParts.reduce((sum, e) => sum + e.uncompressedSize, 0) > limits.xmlBytes) throw tooMuchXml();
  let braces = 0;
  let elements = 0;
  for (const entry of pkg.entries.values()) {
    const part = inflateEntry(pkg, entry, notAPackage);
    if (!xmlParts.includes(entry)) continue;
    braces += countByte(part, OPEN_BRACE);
    if (braces > limits.tags) throw overLimit(fileName, `has more than ${formatCount(limits.tags)} placeholders`, formatCount(limits.tags));
    elements += countByte(part, OPEN_ANGLE);
    if (elements > limits.xmlElements) {
      throw overLimit(fileName, `is too long or complex for a template: more than ${formatCount(limits.xmlElements)} pieces of Word layout (XML elements)`, formatCount(limits.xmlElements));
    }
  }
}

function openZip(bytes: Buffer, fileName: string): PizZip {
  assertTemplateWithinLimits(bytes, fileName);
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw new AppError('invalid_input', `${fileName} is not a Word .docx file (it is not a zip package). Save it from Word as "Word Document (.docx)".`);
  }
  if (!zip.file('word/document.xml')) {
    throw new AppError('invalid_input', `${fileName} is not a Word .docx file (it has no word/document.xml). Save it from Word as "Word Document (.docx)".`);
  }
  return zip;
}

/** The tags docxtemplater reports as broken (unclosed, unopened, duplicated braces), each with the tag and what is wrong. */
function brokenTags(error: unknown, fileName: string): AppError {
  const parts = ((error as { properties?: { errors?: DocxtemplaterErrorPart[] } }).properties?.errors ?? [error as DocxtemplaterErrorPart]).map((e) => {
    const tag = e.properties?.xtag ? `"${e.properties.xtag}": ` : '';
    return `${tag}${e.properties?.explanation ?? e.message ?? 'a broken placeholder'}`;
  });
  return new AppError('invalid_input', `${fileName} has broken placeholders: ${parts.join('; ')}. Nothing was saved.`, { problems: parts });
}

function compile(bytes: Buffer, fileName: string, modules: unknown[] = []): Docxtemplater {
  const zip = openZip(bytes, fileName);
  try {
    // errorLogging off: the library would print the template's text to the console.
    return new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, errorLogging: false, modules: modules as never[], nullGetter: () => '' });
  } catch (error) {
    throw brokenTags(error, fileName);
  }
}

interface TagPart {
  value: string;
  module?: string;
  subparsed?: TagPart[];
}

function rawXmlTags(parts: TagPart[]): string[] {
  return parts.flatMap((p) => [...(p.module === 'rawxml' ? [p.value] : []), ...rawXmlTags(p.subparsed ?? [])]);
}

/**
 * Every placeholder path, a loop's inner ones as "loop.name". Walked from the structured tags,
 * not from getAllTags(), whose plain object drops {__proto__} and {toString} (an object already
 * "has" them), which would let them pass the check unseen.
 */
function placeholderPaths(parts: TagPart[], prefix = ''): string[] {
  return parts.flatMap((p) => {
    const path = prefix ? `${prefix}.${p.value}` : p.value;
    return [path, ...placeholderPaths(p.subparsed ?? [], path)];
  });
}

/** Lists a template's placeholders against those LinkDesk fills; a broken or non-.docx file is refused. */
export function inspectTemplate(bytes: Buffer, kind: TemplateKind, fileName: string): TemplateCheck {
  const inspect = new InspectModule();
  compile(bytes, fileName, [inspect]);
  const found = [...new Set(placeholderPaths(inspect.getAllStructuredTags() as TagPart[]))].sort();
  const allowed = allowedPaths(kind);
  // A loop's own name is also a placeholder path; inner names are checked in their loop. A raw
  // XML tag ({@name}) would paste typed text into the document's XML, so only those LinkDesk
  // fills with layout it builds itself (RAW_PLACEHOLDERS) are allowed.
  const rawAllowed = RAW_PLACEHOLDERS[kind] ?? [];
  const raw = rawXmlTags(inspect.getAllStructuredTags() as TagPart[]);
  const unknown = [...found.filter((p) => !allowed.has(p) && !raw.includes(p)), ...raw.filter((r) => !rawAllowed.includes(r)).map((r) => `@${r}`)];
  const missing = [...[...allowed].filter((p) => !found.includes(p)), ...rawAllowed.filter((r) => !raw.includes(r)).map((r) => `@${r}`)].sort();
  const placeholders = found.map((p) => (raw.includes(p) ? `@${p}` : p));
  return { kind, placeholders, unknown, missing };
}

export function fillTemplate(bytes: Buffer, fileName: string, data: Record<string, unknown>): Buffer {
  const doc = compile(bytes, fileName);
  try {
    doc.render(data);
  } catch (error) {
    throw brokenTags(error, fileName);
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The visible text of a .docx, paragraph by paragraph (header and footer included): how tests and checks read a record back. */
export function docxText(bytes: Buffer): string {
  const zip = new PizZip(bytes);
  const parts = Object.keys(zip.files).filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name));
  return parts
    .map((name) =>
      (zip.file(name)?.asText() ?? '')
        .replace(/<\/w:p>/g, '\n')
        .replace(/<w:tab\/>/g, '\t')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    )
    .join('\n');
}

/** Rows of the tables in the main document, each as its cells' text. */
export function docxTables(bytes: Buffer): string[][][] {
  const xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
  const cellText = (c: string) => c.replace(/<[^>]+>/g, '').trim();
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => cellText(c[1] ?? ''))),
  );
}
