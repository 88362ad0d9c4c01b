import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../components/Page.tsx';
import { invoke } from '../api.ts';
import { CalendarSection } from './settings/CalendarSection.tsx';
import { BackupsSection } from './settings/BackupsSection.tsx';
import { CheckSection } from './settings/MaintenanceSections.tsx';
import { RestoreSection } from './settings/RestoreSection.tsx';
import { ScopeSettingsSection } from './settings/ScopeSettingsSection.tsx';
import { PassphraseSection } from './settings/PassphraseSection.tsx';
import { AccessSection } from './settings/AccessSection.tsx';
import { AccessibilitySection } from './settings/AccessibilitySection.tsx';
import { PracticeRulesSection } from './settings/PracticeRulesSection.tsx';
import { RetentionSection } from './settings/RetentionSection.tsx';
import { TeamSettingsSection } from './settings/TeamSettingsSection.tsx';
import { TemplatesSection } from './settings/TemplatesSection.tsx';

/** Sections a link can open at (`/settings?section=calendar`, from the first-run checklist), by their headings. */
const SECTION_HEADINGS: Record<string, string> = { team: 'team-settings-heading', calendar: 'calendar-heading', templates: 'templates-heading', retention: 'retention-heading' };

export function SettingsPage() {
  const team = useQuery({ queryKey: ['team'], queryFn: () => invoke('team.get', {}) });
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => invoke('app.info', {}) });
  const [params] = useSearchParams();
  const section = params.get('section') ?? '';
  const loaded = Boolean(team.data && info.data?.session);
  useEffect(() => {
    const heading = loaded ? document.getElementById(SECTION_HEADINGS[section] ?? '') : null;
    if (!heading) return;
    // Focus follows the link, as it does to each page's heading.
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }, [loaded, section]);
  // A backup chosen from the list starts the restore form afresh with its path.
  const [restoreFrom, setRestoreFrom] = useState({ path: '', choice: 0 });
  if (!team.data || !info.data?.session) return <Page title="Settings" />;
  return (
    <Page title="Settings">
      <TeamSettingsSection settings={team.data.settings} />
      <ScopeSettingsSection settings={team.data.settings} />
      <PracticeRulesSection settings={team.data.settings} />
      <RetentionSection settings={team.data.settings} />
      <CalendarSection />
      <TemplatesSection />
      <AccessSection context={[team.data.settings.teamName, team.data.settings.localAuthority]} />
      <PassphraseSection context={[team.data.settings.teamName, team.data.settings.localAuthority]} />
      <BackupsSection databasePath={info.data.session.path} onChoose={(path) => setRestoreFrom((r) => ({ path, choice: r.choice + 1 }))} />
      <RestoreSection key={restoreFrom.choice} initialPath={restoreFrom.path} />
      <CheckSection warningsOnOpen={info.data.session.integrityWarnings} />
      <AccessibilitySection />
    </Page>
  );
}
