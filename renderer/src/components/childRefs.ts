/** Children typed as "JB Y4, KT Y6": initials and year group, never names. */
import type { YEAR_GROUPS } from '../../../shared/domain/records.ts';

export function parseChildRefs(text: string): { initials: string; yearGroup: (typeof YEAR_GROUPS)[number] }[] {
  return text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const [initials = '', yearGroup = ''] = c.split(/\s+Y/i);
      // Checked by the schema on save; typed here as what it should be.
      return { initials: initials.trim(), yearGroup: yearGroup.trim().toUpperCase() as (typeof YEAR_GROUPS)[number] };
    });
}

export function childRefsText(children: { initials: string; yearGroup: string }[]): string {
  return children.map((c) => `${c.initials} Y${c.yearGroup}`).join(', ');
}
