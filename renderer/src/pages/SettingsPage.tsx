import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Page } from '../components/Page.tsx';
import { invoke } from '../api.ts';
import { CalendarSection } from './settings/CalendarSection.tsx';
import { BackupsSection } from './settings/BackupsSection.tsx';
import { CheckSection } from './settings/MaintenanceSections.tsx';
import { RestoreSection } from './settings/RestoreSection.tsx';
import { PassphraseSection } from './settings/PassphraseSection.tsx';
import { PracticeRulesSection } from './settings/PracticeRulesSection.tsx';
import { TeamSettingsSection } from './settings/TeamSettingsSection.tsx';
import { TemplatesSection } from './settings/TemplatesSection.tsx';

export function SettingsPage() {
  const team = useQuery({ queryKey: ['team'], queryFn: () => invoke('team.get', {}) });
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => invoke('app.info', {}) });
  // A backup chosen from the list starts the restore form afresh with its path.
  const [restoreFrom, setRestoreFrom] = useState({ path: '', choice: 0 });
  if (!team.data || !info.data?.session) return <Page title="Settings" />;
  return (
    <Page title="Settings">
      <TeamSettingsSection settings={team.data.settings} />
      <PracticeRulesSection settings={team.data.settings} />
      <CalendarSection />
      <TemplatesSection />
      <PassphraseSection context={[team.data.settings.teamName, team.data.settings.localAuthority]} />
      <BackupsSection databasePath={info.data.session.path} onChoose={(path) => setRestoreFrom((r) => ({ path, choice: r.choice + 1 }))} />
      <RestoreSection key={restoreFrom.choice} initialPath={restoreFrom.path} />
      <CheckSection warningsOnOpen={info.data.session.integrityWarnings} />
    </Page>
  );
}
