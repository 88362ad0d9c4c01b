import { parseArgs } from 'node:util';

export const CLI_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  team: { type: 'string' },
  authority: { type: 'string' },
  la: { type: 'string', multiple: true },
  user: { type: 'string' },
  out: { type: 'string' },
  input: { type: 'string' },
  list: { type: 'boolean', default: false },
  port: { type: 'string' },
  'take-over-lock': { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  'apply-good-rows': { type: 'boolean', default: false },
  replace: { type: 'boolean', default: false },
  from: { type: 'string' },
  to: { type: 'string' },
  visit: { type: 'string' },
  consultation: { type: 'string' },
  'valid-from': { type: 'string' },
  year: { type: 'string' },
  term: { type: 'string' },
  hub: { type: 'string' },
  share: { type: 'boolean', default: false },
  review: { type: 'boolean', default: false },
  purge: { type: 'boolean', default: false },
  confirm: { type: 'boolean', default: false },
  'case-id': { type: 'string' },
  initials: { type: 'string' },
  'year-group': { type: 'string' },
  urn: { type: 'string' },
  person: { type: 'string' },
  reencrypt: { type: 'boolean', default: false },
  'time-limit': { type: 'string' },
  apply: { type: 'boolean', default: false },
  reason: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export type CliArgs = ReturnType<typeof parseCliArgs>;

export function parseCliArgs(argv: string[]) {
  const { values, positionals } = parseArgs({ args: argv, options: CLI_OPTIONS, allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  return { command, rest, values };
}
