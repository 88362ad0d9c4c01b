/**
 * The inputs that open, create and restore a team database. Apart from shared/api.ts so the
 * first screens (unlock, create) load these few schemas and not the whole contract's.
 */
import { z } from 'zod';
import { filePath } from './text.ts';
import { LocalAuthority, PersonName, TeamName } from './team.ts';

export const FilePath = filePath('Enter a file path');
export const Passphrase = z.string().min(1, 'Enter the passphrase').max(1024, 'The passphrase is too long');

export const BackupSource = z.object({ from: FilePath, passphrase: Passphrase }).strict();

export const RestoreInput = z.object({
  from: FilePath,
  passphrase: Passphrase,
  /** The database to restore into; the open one when left out. */
  path: FilePath.optional(),
  /** Who restores, when no database is open. */
  userName: PersonName.optional(),
  takeOverLock: z.boolean().optional(),
}).strict();

export const UnlockInput = z.object({
  path: FilePath,
  passphrase: Passphrase,
  userName: PersonName,
  /** Set after the user has read the warning about a lock held elsewhere. */
  takeOverLock: z.boolean().optional(),
}).strict();

export const CreateInput = z.object({
  path: FilePath,
  teamName: TeamName,
  localAuthority: LocalAuthority,
  passphrase: Passphrase,
  userName: PersonName,
}).strict();
