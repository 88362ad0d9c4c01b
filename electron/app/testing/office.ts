/** LibreOffice (headless) turns a .docx or .xlsx into a PDF, and pdftotext reads it back: proof a document opens and prints. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from './builders.ts';

export function pdfOf(file: string): string {
  const out = tempDir();
  // A profile per call, so test files running side by side do not share LibreOffice's lock.
  const profile = pathToFileURL(path.join(tempDir(), 'lo-profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 });
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
