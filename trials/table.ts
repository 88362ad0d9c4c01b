/** Plain-text tables for the trials' and the fuzzer's summaries. */

export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** `--name value` and `--flag` options; anything else is refused so a typo is not silently ignored. */
export function parseOptions(argv: string[], known: Record<string, 'string' | 'boolean'>): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const name = arg.replace(/^--/, '');
    const kind = known[name];
    if (!arg.startsWith('--') || !kind) throw new Error(`Unknown option ${arg}. Options: ${Object.keys(known).map((k) => `--${k}`).join(' ')}`);
    if (kind === 'boolean') values[name] = true;
    else {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value.`);
      values[name] = value;
    }
  }
  return values;
}

export function intOption(values: Record<string, string | boolean>, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got ${String(raw)}).`);
  return n;
}
