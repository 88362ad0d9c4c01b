/** Per-person access: the inputs of the `access.*` methods and what they return. */
import { z } from 'zod';
import { Passphrase } from './database.ts';
import { PersonName } from './team.ts';

export const AccessAddInput = z.object({ name: PersonName, passphrase: Passphrase }).strict();
export type AccessAddInput = z.infer<typeof AccessAddInput>;

export const AccessRemoveInput = z.object({
  name: PersonName,
  /** A new random key and every remaining slot re-sealed: for someone who may have kept a copy of the key. */
  reencrypt: z.boolean(),
}).strict();
export type AccessRemoveInput = z.infer<typeof AccessRemoveInput>;

/** The team's passphrase, asked again to turn per-person access on. */
export const AccessEnableInput = z.object({ passphrase: Passphrase }).strict();

export interface AccessPerson {
  id: string;
  name: string;
  /** ISO instants. */
  addedAt: string;
  addedBy: string;
  lastOpenedAt: string | null;
  /** The person whose passphrase opened the database now. */
  you: boolean;
}

export interface AccessState {
  /** False while the team still shares one passphrase. */
  perPerson: boolean;
  people: AccessPerson[];
  /**
   * False when the database is under an older key than the newest in its access file: a
   * re-encryption was interrupted, or an older backup was restored.
   */
  keyIsNewest: boolean;
}
