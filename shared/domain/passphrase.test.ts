import { describe, expect, it } from 'vitest';
import { checkPassphraseStrength } from './passphrase.ts';

describe('passphrase strength', () => {
  it('accepts a few words together', () => {
    expect(checkPassphraseStrength('correct horse battery staple')).toEqual({ ok: true, problems: [] });
  });
  it('refuses anything under 12 characters', () => {
    expect(checkPassphraseStrength('Sh0rt!pass').problems[0]).toMatch(/at least 12/);
  });
  it('refuses repeated characters', () => {
    expect(checkPassphraseStrength('aaaaaaaaaaaaaaaa').ok).toBe(false);
  });
  it('refuses a common passphrase', () => {
    expect(checkPassphraseStrength('password1234').problems).toContain('This is a commonly used passphrase.');
  });
  it('refuses the team name itself', () => {
    expect(checkPassphraseStrength('North Hub Team', ['North Hub Team']).ok).toBe(false);
  });
  it('asks a short single word to mix in numbers or symbols', () => {
    expect(checkPassphraseStrength('abcdefghijklm').problems.join()).toMatch(/Mix letters/);
    expect(checkPassphraseStrength('abcdefghijk9m').ok).toBe(true);
  });
});
