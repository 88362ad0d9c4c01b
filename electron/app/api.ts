/**
 * Implements the contract of shared/api.ts by calling the services. Inputs arrive here
 * already validated by the dispatcher.
 */
import fs from 'node:fs';
import type { MethodName } from '../../shared/api.ts';
import { AppError } from '../../shared/errors.ts';
import { listAudit } from './audit/repo.ts';
import { DEMO_PASSPHRASE } from './demo/passphrase.ts';
import { assertLooksLikeTeamDatabase } from './db/file-checks.ts';
import { createTeamDatabase, openTeamDatabase } from './db/team-db.ts';
import { backupHandlers } from './db/backup-handlers.ts';
import { accessHandlers } from './access/handlers.ts';
import { changeOwnPassphrase } from './access/service.ts';
import type { Handler } from './handler-types.ts';
import { userPath } from './paths.ts';
import { allocationHandlers } from './allocations/handlers.ts';
import { calendarHandlers } from './calendar/handlers.ts';
import { visitHandlers } from './visits/handlers.ts';
import { contactHandlers } from './contacts/handlers.ts';
import { recordHandlers } from './records/handlers.ts';
import { panelHandlers } from './panels/handlers.ts';
import { escalationHandlers } from './escalations/handlers.ts';
import { reportHandlers } from './reports/handlers.ts';
import { reportExportHandlers } from './reports/export-handlers.ts';
import { documentHandlers } from './documents/handlers.ts';
import { actionHandlers } from './actions/handlers.ts';
import { peopleHandlers } from './people/handlers.ts';
import { declarationHandlers } from './declarations/handlers.ts';
import { plannerHandlers } from './planner/handlers.ts';
import { schoolHandlers } from './schools/handlers.ts';
import { retentionHandlers } from './retention/handlers.ts';
import { updateSettings } from './team/service.ts';

export type Handlers = { [M in MethodName]: Handler<M> };

export const APP_VERSION = '0.1.0';

/** The demo's seeding makes a Word record, so it loads the Word libraries: only when a demo is made. */
const loadDemo = () => import('./demo/demo.ts');

export const handlers: Handlers = {
  'app.info': (session) => ({
    version: APP_VERSION,
    mode: session.mode,
    session: session.info(),
    defaultFolder: session.config.defaultFolder,
    demoPath: session.config.demoPath,
    demoPassphrase: DEMO_PASSPHRASE,
  }),
  'app.activity': () => ({ ok: true }),
  'recent.list': (session) => session.config.recent().map((r) => ({ ...r, exists: fs.existsSync(r.path) })),
  'recent.forget': (session, { path }) => {
    session.config.forgetRecent(path);
    return session.config.recent().map((r) => ({ ...r, exists: fs.existsSync(r.path) }));
  },
  'identity.get': (session) => ({ userName: session.config.userName }),
  'db.create': (session, input) => {
    session.lock();
    const db = createTeamDatabase({ ...input, path: userPath(input.path), user: input.userName, now: session.now });
    return session.adopt(db);
  },
  'db.unlock': (session, input) => {
    session.lock();
    const db = openTeamDatabase({
      path: userPath(input.path),
      passphrase: input.passphrase,
      user: input.userName,
      takeOverLock: input.takeOverLock ?? false,
      now: session.now,
    });
    return session.adopt(db);
  },
  'db.createDemo': async (session, input) => {
    session.lock();
    const { createDemoDatabase } = await loadDemo();
    return session.adopt(createDemoDatabase(userPath(input.path), input.passphrase, input.userName, session.now));
  },
  'db.openDemo': async (session, { userName }) => {
    session.lock();
    const demoPath = session.config.demoPath;
    if (!fs.existsSync(demoPath)) {
      const { createDemoDatabase } = await loadDemo();
      return session.adopt(createDemoDatabase(demoPath, DEMO_PASSPHRASE, userName, session.now));
    }
    const open = (takeOverLock: boolean) =>
      openTeamDatabase({ path: demoPath, passphrase: DEMO_PASSPHRASE, user: userName, takeOverLock, now: session.now });
    try {
      return session.adopt(open(false));
    } catch (error) {
      // The demo holds no real data: a stale lock left by a crash is simply taken over.
      if (error instanceof AppError && error.code === 'locked_elsewhere' && error.details?.stale === true) return session.adopt(open(true));
      throw error;
    }
  },
  'db.lock': (session) => {
    session.lock();
    return { locked: true };
  },
  'db.changePassphrase': (session, input) => {
    // An import holds the connection across awaits; the swap would pull it from under it.
    if (session.progress) throw new AppError('invalid_input', `Wait for the ${session.progress.task} running now to finish.`);
    const db = session.database;
    if (db.access) changeOwnPassphrase(db, input.currentPassphrase, input.newPassphrase);
    else db.changePassphrase(input.currentPassphrase, input.newPassphrase);
    return { changed: true };
  },
  'db.backup': (session, { path }) => session.database.backup(userPath(path)),
  ...backupHandlers,
  ...accessHandlers,
  'db.inspect': (_session, { path }) => {
    assertLooksLikeTeamDatabase(userPath(path));
    return { path: userPath(path) };
  },
  'db.check': async (session) => ({ ...(await session.database.check()), path: session.database.path }),
  'team.get': (session) => session.database.team(),
  'team.updateSettings': (session, patch) => updateSettings(session.database.writeContext, patch),
  'audit.list': (session, { limit }) => listAudit(session.database.db, limit),
  'imports.progress': (session) => session.progress,
  ...schoolHandlers,
  ...peopleHandlers,
  ...declarationHandlers,
  ...allocationHandlers,
  ...plannerHandlers,
  ...calendarHandlers,
  ...visitHandlers,
  ...contactHandlers,
  ...recordHandlers,
  ...panelHandlers,
  ...escalationHandlers,
  ...reportHandlers,
  ...reportExportHandlers,
  ...documentHandlers,
  ...actionHandlers,
  ...retentionHandlers,
};
