import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { SessionInfo } from '../../../shared/api.ts';
import { invoke } from '../api.ts';
import { PageFocusContext, type PageFocus } from '../components/PageFocus.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { draftsFor, dropDrafts, keepDrafts } from '../components/drafts.ts';
import { LockWarning } from '../components/LockWarning.tsx';
import { Notice } from '../components/Notice.tsx';
import { useIdleLock } from '../components/useIdleLock.ts';

export interface Area {
  path: string;
  label: string;
  built: boolean;
  description: string;
}

/** Every area of the app; those not yet built say so on their page. */
export const AREAS: Area[] = [
  { path: '/dashboard', label: 'Dashboard', built: true, description: '' },
  { path: '/actions', label: 'Actions', built: true, description: 'Every action to close, with its owner and due date.' },
  { path: '/schools', label: 'Schools', built: true, description: 'The register of the team’s schools, imported from GIAS, with enhanced-support flags.' },
  { path: '/people', label: 'People', built: true, description: 'The team’s workers, their capacity and their declared connections to schools.' },
  { path: '/allocations', label: 'Allocations', built: true, description: 'Named and secondary link workers for every school, with conflict checks.' },
  { path: '/visits', label: 'Visits', built: true, description: 'Termly SPOC visits, pro forma deadlines and visit records.' },
  { path: '/consultations', label: 'Consultations', built: true, description: 'Early Help Consultations under the six key areas.' },
  { path: '/panels', label: 'Panels', built: true, description: 'Pupil Placement Panels and other meetings, with who attended.' },
  { path: '/escalations', label: 'Escalations', built: true, description: 'The safeguarding escalation log and the 24-hour manager rule.' },
  { path: '/documents', label: 'Documents', built: true, description: 'Word meeting records and the published Excel SPOC list.' },
  { path: '/reports', label: 'Reports', built: true, description: 'Termly and annual figures for senior managers and inspectors, on screen, in Word and in Excel.' },
  { path: '/settings', label: 'Settings', built: true, description: '' },
];

export function AppFrame({ session }: { session: SessionInfo }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const team = useQuery({ queryKey: ['team'], queryFn: () => invoke('team.get', {}) });

  const { pathname } = useLocation();
  const lock = useCallback(
    async (reason?: 'idle') => {
      // Locked for want of activity, what was typed waits in memory for the unlock, on this screen; a lock someone chose drops it.
      const kept = reason === 'idle' ? keepDrafts(session.path) : (dropDrafts(), 0);
      await invoke('db.lock', {});
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'app.info' });
      const query = new URLSearchParams({ path: session.path, ...(reason ? { reason } : {}), ...(kept ? { back: pathname } : {}) });
      navigate(`/unlock?${query.toString()}`);
      await queryClient.invalidateQueries({ queryKey: ['app.info'] });
    },
    [navigate, queryClient, session.path, pathname],
  );
  const idle = useIdleLock(team.data?.settings.idleLockMinutes, () => void lock('idle'));
  const [restored, setRestored] = useState(() => draftsFor(session.path) > 0);

  // Below 48rem (a narrow window, or 200% zoom and more) the areas fold behind a Menu button
  // (styles.css), which opens them above the page; choosing an area closes it again.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  const [arrivalPath] = useState(pathname);
  const [leftArrival, setLeftArrival] = useState(false);
  if (!leftArrival && pathname !== arrivalPath) setLeftArrival(true);
  const arriving = !leftArrival && pathname === arrivalPath;
  const top = useRef<HTMLParagraphElement>(null);
  const [topTitle, setTopTitle] = useState('');
  const pageFocus = useMemo<PageFocus>(
    () => ({
      arriving,
      focusTop: (title, moved) => {
        setTopTitle(title);
        // Unless the person moved to this screen, only while nobody has moved on: a page that
        // finishes loading must not pull focus back.
        const active = document.activeElement;
        if (moved || active === null || active === document.body || active === top.current) top.current?.focus({ preventScroll: true });
        // A new screen starts at its top, as a page load does.
        if (moved) window.scrollTo({ top: 0 });
      },
    }),
    [arriving],
  );

  return (
    <div className="app">
      <p ref={top} tabIndex={-1} className="visually-hidden">
        {topTitle ? `${topTitle}, ${session.teamName}` : session.teamName}
      </p>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="app-header">
        <span className="brand">LinkDesk</span>
        <span className="team-name">{session.teamName}</span>
        <span className="user">Signed in as {session.user}</span>
        <span className="header-actions">
          <Button ref={menuButton} className="button button-inverse menu-button" aria-expanded={menuOpen} aria-controls="areas" onPress={() => setMenuOpen((open) => !open)}>
            Menu
          </Button>
          <Button className="button button-inverse" onPress={() => void lock()}>
            Lock
          </Button>
        </span>
      </header>
      <div className="frame">
        <nav
          id="areas"
          aria-label="Areas"
          className={menuOpen ? 'side-nav side-nav-open' : 'side-nav'}
          onKeyDown={(event) => {
            // Escape folds an open menu away again and gives the focus back to its button.
            if (event.key !== 'Escape' || !menuOpen) return;
            setMenuOpen(false);
            menuButton.current?.focus();
          }}
        >
          <ul>
            {AREAS.map((area) => (
              <li key={area.path}>
                <NavLink to={area.path}>{area.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {restored ? (
            <Notice kind="info" title="What you had typed is back">
              <p>LinkDesk locked itself while you were away. The form below holds what you had typed before the lock: check it, then save it.</p>
              <p>
                <Button className="button button-secondary" onPress={() => setRestored(false)}>
                  Hide this message
                </Button>
              </p>
            </Notice>
          ) : null}
          <PageFocusContext.Provider value={pageFocus}>
            {/* Here, not around the routes, so the frame and its navigation stay while a screen's code loads. */}
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </PageFocusContext.Provider>
        </main>
      </div>
      <LockWarning secondsLeft={idle.secondsLeft} onStay={idle.stay} onLockNow={() => void lock('idle')} />
    </div>
  );
}
