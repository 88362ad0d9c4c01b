import { describe, expect, it } from 'vitest';
import { draftsFor, dropDraft, keepDrafts, peekDraft, registerForm } from './drafts.ts';

describe('what was typed, kept through an idle lock', () => {
  it('keeps changed forms for their database only, never a passphrase, and gives each back once', () => {
    const escalation = { urn: '123456', summary: 'Half written' };
    const off = [
      registerForm({ key: '/escalations/new|summary,urn', changed: () => escalation }),
      registerForm({ key: '/people/new|name', changed: () => null }),
      registerForm({ key: '/settings|newPassphrase,passphrase', changed: () => ({ passphrase: 'kestrel meadow lantern quartz', newPassphrase: 'x' }) }),
    ];
    expect(keepDrafts('/teams/north.linkdesk')).toBe(1);
    off.forEach((unregister) => unregister());

    expect(draftsFor('/teams/north.linkdesk')).toBe(1);
    expect(peekDraft('/escalations/new|summary,urn')).toEqual(escalation);
    expect(peekDraft('/settings|newPassphrase,passphrase')).toBeUndefined();
    dropDraft('/escalations/new|summary,urn');
    expect(peekDraft('/escalations/new|summary,urn')).toBeUndefined();

    // Opening another database drops what was kept for this one.
    registerForm({ key: '/escalations/new|summary,urn', changed: () => escalation })();
    const unregister = registerForm({ key: '/escalations/new|summary,urn', changed: () => escalation });
    keepDrafts('/teams/north.linkdesk');
    unregister();
    expect(draftsFor('/teams/south.linkdesk')).toBe(0);
    expect(draftsFor('/teams/north.linkdesk')).toBe(0);
  });
});
