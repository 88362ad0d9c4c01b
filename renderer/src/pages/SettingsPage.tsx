import { useQuery } from '@tanstack/react-query';
import { Page } from '../components/Page.tsx';
import { invoke } from '../api.ts';
import { CalendarSection } from './settings/CalendarSection.tsx';
import { BackupSection, CheckSection } from './settings/MaintenanceSections.tsx';
import { PassphraseSection } from './settings/PassphraseSection.tsx';
import { TeamSettingsSection } from './settings/TeamSettingsSection.tsx';
import { TemplatesSection } from './settings/TemplatesSection.tsx';

export function SettingsPage() {
  const team = useQuery({ queryKey: ['team'], queryFn: () => invoke('team.get', {}) });
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => invoke('app.info', {}) });
  if (!team.data || !info.data?.session) return <Page title="Settings" />;
  return (
    <Page title="Settings">
      <TeamSettingsSection settings={team.data.settings} />
      <CalendarSection />
      <TemplatesSection />
      <PassphraseSection context={[team.data.settings.teamName, team.data.settings.localAuthority]} />
      <BackupSection databasePath={info.data.session.path} />
      <CheckSection warningsOnOpen={info.data.session.integrityWarnings} />
    </Page>
  );
}
