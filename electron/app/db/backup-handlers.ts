/**
 * The API methods for backups and restore (the rest of `db.*` is in api.ts). Kept apart so
 * api.ts stays a map of areas.
 */
import type { BackupsState } from '../../../shared/api.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Handler } from '../handler-types.ts';
import { userPath } from '../paths.ts';
import type { AppSession } from '../session.ts';
import { backupFolderOf, listBackups } from './backups.ts';
import { checkBackup, restoreBackup } from './restore.ts';

type BackupMethod = 'db.backups' | 'db.backupNow' | 'db.checkBackup' | 'db.restore';

function backupsState(session: AppSession): BackupsState {
  const db = session.database;
  const settings = db.team().settings;
  const folder = backupFolderOf(db.path, settings);
  const last = session.lastBackup?.database === db.path ? session.lastBackup : null;
  return {
    enabled: settings.backupsEnabled,
    folder,
    folderIsDefault: !settings.backupFolder,
    keep: settings.backupsToKeep,
    backups: listBackups(db.path, folder),
    last,
  };
}

export const backupHandlers: { [M in BackupMethod]: Handler<M> } = {
  'db.backups': (session) => backupsState(session),
  'db.backupNow': (session) => {
    const outcome = session.backUp(session.database, 'now');
    if (!outcome) throw new AppError('internal', 'The backup did not run.');
    return outcome;
  },
  'db.checkBackup': (session, { from, passphrase }) => checkBackup(session.database.path, userPath(from, 'from'), passphrase, session.database.user),
  'db.restore': (session, input) => {
    const open = session.hasDatabase ? session.database : undefined;
    const target = input.path ? userPath(input.path) : open?.path;
    if (!target) {
      throw new AppError('invalid_input', 'Give the database to restore into.', { issues: [{ path: 'path', message: 'Give the database file' }] });
    }
    const user = input.userName ?? open?.user ?? session.config.userName;
    if (!user) throw new AppError('invalid_input', 'Give your name: it is recorded against the restore.', { issues: [{ path: 'userName', message: 'Enter your name' }] });
    if (session.progress) throw new AppError('invalid_input', `Wait for the ${session.progress.task} running now to finish.`);
    const sameAsOpen = open?.path === target ? open : undefined;
    // Restoring some other file: the open one closes first, as opening another would.
    if (open && !sameAsOpen) session.lock();
    const from = userPath(input.from, 'from');
    const restored = restoreBackup({
      path: target, from, passphrase: input.passphrase, user, now: session.now, takeOverLock: input.takeOverLock ?? false, open: sameAsOpen,
    });
    return { session: session.adopt(restored.db), returnsTo: restored.verdict.returnsTo, from, keptAt: restored.keptAt };
  },
};
