import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../test/fake-auth-adapter';
import { CHALLENGE_STORAGE_KEY, createChallengeStore, type SavedChallenge } from './challenge-storage';

const saved: SavedChallenge = {
  username: 'new.user',
  session: 'AYABe-session',
  expiresAt: 123_000,
  passwordChanged: false,
  challenge: { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['name'] },
};

describe('challenge store', () => {
  it('saves and reads back a challenge', () => {
    const store = createChallengeStore(createMemoryStorage());
    store.save(saved);
    expect(store.read()).toEqual(saved);
  });

  it('saves only the known fields, so a password can never ride along', () => {
    const storage = createMemoryStorage();
    createChallengeStore(storage).save({ ...saved, password: 'Temp-Passw0rd1!' } as typeof saved);
    const raw = storage.getItem(CHALLENGE_STORAGE_KEY) ?? '';
    expect(JSON.parse(raw)).toEqual({ username: 'new.user', session: 'AYABe-session', expiresAt: 123_000, challenge: saved.challenge });
    expect(raw).not.toContain('Temp-Passw0rd1!');
  });

  it('never saves the authenticator key of an MFA_SETUP challenge, and reads it back as not yet asked for', () => {
    const storage = createMemoryStorage();
    const store = createChallengeStore(storage);
    store.save({
      ...saved,
      passwordChanged: true,
      challenge: { name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'], secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
    });
    expect(storage.getItem(CHALLENGE_STORAGE_KEY)).not.toContain('JBSWY3DP');
    expect(store.read()).toEqual({
      ...saved,
      passwordChanged: true,
      challenge: { name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'], secret: null },
    });
  });

  it.each<SavedChallenge['challenge']>([
    { name: 'SMS_MFA', destination: '+*******4567' },
    { name: 'EMAIL_OTP', destination: 'd***@e***' },
    { name: 'SOFTWARE_TOKEN_MFA' },
    { name: 'SELECT_MFA_TYPE', methods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] },
  ])('saves and reads back a $name challenge', (challenge) => {
    const store = createChallengeStore(createMemoryStorage());
    store.save({ ...saved, challenge });
    expect(store.read()).toEqual({ ...saved, challenge });
  });

  it('reads a record saved before challenges other than a new password existed', () => {
    const storage = createMemoryStorage();
    storage.setItem(
      CHALLENGE_STORAGE_KEY,
      JSON.stringify({ username: 'new.user', session: 'AYABe-session', expiresAt: 123_000, requiredAttributes: ['name'] }),
    );
    expect(createChallengeStore(storage).read()).toEqual(saved);
  });

  it('keeps the name Cognito bound the Session to when it differs from what was typed', () => {
    const store = createChallengeStore(createMemoryStorage());
    store.save({ ...saved, username: 'new.user@example.com', sessionUsername: 'new.user' });
    expect(store.read()).toEqual({ ...saved, username: 'new.user@example.com', sessionUsername: 'new.user' });
    store.save({ ...saved, sessionUsername: 'new.user' });
    expect(store.read()).toEqual(saved);
  });

  it('clears', () => {
    const storage = createMemoryStorage();
    const store = createChallengeStore(storage);
    store.save(saved);
    store.clear();
    expect(store.read()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('drops an unreadable record', () => {
    const storage = createMemoryStorage();
    storage.setItem(CHALLENGE_STORAGE_KEY, '{not json');
    expect(createChallengeStore(storage).read()).toBeNull();
    expect(storage.getItem(CHALLENGE_STORAGE_KEY)).toBeNull();
  });

  it('drops a record of the wrong shape', () => {
    const storage = createMemoryStorage();
    storage.setItem(CHALLENGE_STORAGE_KEY, JSON.stringify({ username: 'new.user' }));
    expect(createChallengeStore(storage).read()).toBeNull();
    expect(storage.getItem(CHALLENGE_STORAGE_KEY)).toBeNull();
  });

  it('uses sessionStorage by default', () => {
    const store = createChallengeStore();
    store.save(saved);
    expect(window.sessionStorage.getItem(CHALLENGE_STORAGE_KEY)).not.toBeNull();
    expect(window.localStorage.getItem(CHALLENGE_STORAGE_KEY)).toBeNull();
    store.clear();
  });
});
