// The rehearsal's own cast: standalone accounts and the profiles that stand for them.
import { describe, expect, it } from 'vitest';
import { addAccount, addProfile, CastEditRefused } from './profiles.js';
import { ANIKA, BILL, JUAN, T0, TestWorld } from './testing/world.js';

const refusal = (edit: () => unknown) => {
  try {
    edit();
  } catch (error) {
    if (error instanceof CastEditRefused) return error.message;
    throw error;
  }
  return 'ok';
};

describe('accounts add and profiles add', () => {
  it('adds a standalone account with its profile, which then signs as it', () => {
    const world = new TestWorld();
    addAccount(world.state, { Id: '555555555555', Name: 'Rosa', Email: 'rosa@example.com' }, 'rosa', T0 / 1000);
    expect(world.state.Profiles.at(-1)).toMatchObject({ Name: 'rosa', AccountId: '555555555555', AccessKeyId: 'AKIAORGSIMROSA000000' });
    expect(world.call('CreateOrganization', '555555555555').Organization.MasterAccountId).toBe('555555555555');
    expect(addProfile(world.state, 'juan-too', JUAN).AccessKeyId).toMatch(/^AKIAORGSIMJUANTOO/);
  });

  it.each([
    [{ Id: '12345', Name: 'x', Email: 'x@example.com' }, 'rosa', 'An account id is 12 digits'],
    [{ Id: BILL, Name: 'x', Email: 'x@example.com' }, 'rosa', `The account ${BILL} exists already.`],
    [{ Id: '555555555555', Name: '', Email: 'x@example.com' }, 'rosa', 'An account name is 1 to 50 characters.'],
    [{ Id: '555555555555', Name: 'x', Email: 'not-an-address' }, 'rosa', 'is not an e-mail address'],
    [{ Id: '555555555555', Name: 'x', Email: 'JUAN@example.com' }, 'rosa', 'Another account has the e-mail address'],
    [{ Id: '555555555555', Name: 'x', Email: 'x@example.com' }, 'anika', 'The profile anika exists already.'],
  ])('%o as %s is refused: %s', (account, profile, message) => {
    const world = new TestWorld();
    expect(refusal(() => addAccount(world.state, account, profile, T0 / 1000))).toContain(message);
  });

  it('a profile needs an account that exists and a name of its own', () => {
    const world = new TestWorld();
    expect(refusal(() => addProfile(world.state, 'ghost', '999999999999'))).toContain('There is no account 999999999999');
    expect(refusal(() => addProfile(world.state, 'bad name', ANIKA))).toContain('A profile name is');
  });
});
