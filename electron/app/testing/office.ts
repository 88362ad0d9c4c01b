/** LibreOffice (headless) turns a .docx or .xlsx into a PDF, and pdftotext reads it back: proof a document opens and prints. */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { tempDir } from './builders.ts';

/**
 * Asynchronous on purpose: LibreOffice's first start takes many seconds on a busy machine, and
 * a test worker blocked that long cannot answer vitest ("Timeout calling onTaskUpdate").
 */
export async function pdfOf(file: string): Promise<string> {
  const out = tempDir();
  // A profile per call, so test files running side by side do not share LibreOffice's lock.
  const profile = pathToFileURL(path.join(tempDir(), 'lo-profile')).href;
  await promisify(execFile)('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { timeout: 280_000 });
  const pdf = path.join(out, `${path.basename(file, path.extname(file))}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${file}`);
  return pdf;
}

export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
}

/** The size of the PDF's first page in points, from pdfinfo ("Page size: 841.89 x 595.304 pts (A4)"). */
export function pdfPageSize(pdf: string): { width: number; height: number } {
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
  return { width: Number(match?.[1] ?? 0), height: Number(match?.[2] ?? 0) };
}

/** The text of one page (1-based). */
export function pdfPageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}
