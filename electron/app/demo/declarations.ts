/**
 * The demo's annual declarations of connections. The team re-declares in September (the
 * default month): most workers did so this September, Ellie Watson re-declares in January as her
 * own month (she is a governor, and the governing body's register is renewed then). The two team
 * managers are behind: Tess Manager last declared in September 2025 and Grace Bello never has, so
 * the dashboard's "Declarations due" has someone to show. Every Family Support Worker is current,
 * so the demo's allocations (and the journeys that make more) meet only the warnings they did.
 */
import { DeclarationMonthInput, RecordDeclarationInput } from '../../../shared/domain/declarations.ts';
import type { Person } from '../../../shared/domain/people.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { recordDeclaration, setDeclarationMonth } from '../declarations/service.ts';

const DECLARED: Record<string, { on: string; nothing: boolean }[]> = {
  'Tess Manager': [{ on: '2024-09-09', nothing: true }, { on: '2025-09-08', nothing: true }],
  'Amira Khan': [{ on: '2025-09-10', nothing: false }, { on: '2026-09-09', nothing: false }],
  'Ben Oduya': [{ on: '2026-09-14', nothing: false }],
  'Cerys Pritchard': [{ on: '2025-09-12', nothing: false }, { on: '2026-09-11', nothing: false }],
  'Dev Sharma': [{ on: '2025-09-22', nothing: true }, { on: '2026-09-21', nothing: true }],
  'Jas Kaur': [{ on: '2024-09-02', nothing: true }, { on: '2025-09-08', nothing: true }, { on: '2026-09-08', nothing: true }],
  'Ellie Watson': [{ on: '2026-01-12', nothing: false }],
  'Farid Haddad': [{ on: '2025-09-01', nothing: true }, { on: '2026-09-15', nothing: true }],
  'Kemi Adeyemi': [{ on: '2026-09-18', nothing: true }],
  'Harry Lowe': [{ on: '2025-09-15', nothing: true }, { on: '2026-09-16', nothing: true }],
  'Iris Fenton': [{ on: '2025-09-09', nothing: true }],
};

export function seedDemoDeclarations(db: TeamDatabase, people: Person[]): void {
  const ctx = db.writeContext;
  for (const person of people) {
    for (const d of DECLARED[person.name] ?? []) {
      recordDeclaration(ctx, RecordDeclarationInput.parse({ personId: person.id, declaredOn: d.on, nothingToDeclare: d.nothing }));
    }
    if (person.name === 'Ellie Watson') setDeclarationMonth(ctx, DeclarationMonthInput.parse({ personId: person.id, month: 1 }));
  }
}
