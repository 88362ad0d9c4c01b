import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TeamSettingsPatch } from '../../../../shared/domain/team.ts';
import { invoke } from '../../api.ts';

/**
 * The save every settings section shares: the patch goes to `team.updateSettings`, every query is
 * refreshed (a setting can change any screen), and a refusal lands on the section's own form.
 * `saved` is cleared when a new attempt begins, so a stale "saved" never sits beside new errors.
 */
export function useSettingsSave(form: { fail: (error: unknown) => void }): { saved: boolean; begin: () => void; save: (patch: TeamSettingsPatch) => Promise<void> } {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = async (patch: TeamSettingsPatch): Promise<void> => {
    try {
      await invoke('team.updateSettings', patch);
      await queryClient.invalidateQueries();
      setSaved(true);
    } catch (error) {
      form.fail(error);
    }
  };
  return { saved, begin: () => setSaved(false), save };
}
