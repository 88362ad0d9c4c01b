import { describe, expect, it } from 'vitest';
import { inFieldOrder } from './useForm.ts';

describe('inFieldOrder', () => {
  const fields = ['teamName', 'localAuthority', 'userName', 'path', 'passphrase', 'confirm'];

  it('puts problems in the order the fields are laid out, whatever order they were found in', () => {
    const found = [
      { path: 'confirm', message: 'The two passphrases are different' },
      { path: 'userName', message: 'Enter your name' },
      { path: 'passphrase', message: 'Too weak' },
      { path: 'teamName', message: 'Enter the team name' },
    ];
    expect(inFieldOrder(found, fields).map((i) => i.path)).toEqual(['teamName', 'userName', 'passphrase', 'confirm']);
  });

  it('orders a nested path by its field and keeps form-wide problems at the end, in the order found', () => {
    const found = [
      { path: '', message: 'Something went wrong' },
      { path: 'path.file', message: 'No such folder' },
      { path: 'other', message: 'Unknown' },
      { path: 'localAuthority', message: 'Enter the local authority' },
    ];
    expect(inFieldOrder(found, fields).map((i) => i.path)).toEqual(['localAuthority', 'path.file', '', 'other']);
  });
});
