import { describe, expect, it } from 'vitest';
import type { PendingResetView, SignedInUser } from './auth-types';
import {
  attributesToRequest,
  attributesToSend,
  challengeExpiresAt,
  flowReducer,
  initialFlowState,
  type FlowEvent,
  type FlowState,
  type PendingChallenge,
} from './flow';

const user: SignedInUser = { username: 'demo.user', attributes: { email: 'demo.user@example.com' } };
const challenge: PendingChallenge = {
  name: 'NEW_PASSWORD_REQUIRED',
  handle: { username: 'new.user', session: 'session-1' },
  username: 'new.user',
  expiresAt: 1_000_000,
  passwordChanged: false,
  requiredAttributes: ['name'],
};
const expiredNewPassword = { username: 'new.user', name: 'NEW_PASSWORD_REQUIRED', passwordChanged: false } as const;
const reset: PendingResetView = {
  username: 'demo.user',
  reason: 'forgotten',
  delivery: { destination: 'd***@e***', medium: 'EMAIL', attributeName: 'email' },
};

const loading: FlowState = initialFlowState;
const signedOut: FlowState = { status: 'signedOut', expiredChallenge: null };
const expired: FlowState = { status: 'signedOut', expiredChallenge: expiredNewPassword };
const inChallenge: FlowState = { status: 'challenge', challenge };
const resetPending: FlowState = { status: 'resetPending', reset };
const signedIn: FlowState = { status: 'signedIn', user };

describe('flowReducer', () => {
  it('starts loading', () => {
    expect(initialFlowState).toEqual({ status: 'loading' });
  });

  describe('start-up', () => {
    it('restores a session', () => {
      expect(flowReducer(loading, { type: 'sessionRestored', user })).toEqual(signedIn);
    });
    it('restores a challenge', () => {
      expect(flowReducer(loading, { type: 'challengeRestored', challenge })).toEqual(inChallenge);
    });
    it('signs out when nothing is restored', () => {
      expect(flowReducer(loading, { type: 'nothingRestored', expiredChallenge: null })).toEqual(signedOut);
    });
    it('remembers the username of a saved challenge that ran out', () => {
      expect(flowReducer(loading, { type: 'nothingRestored', expiredChallenge: expiredNewPassword })).toEqual(expired);
    });
    it.each<FlowEvent>([
      { type: 'sessionRestored', user },
      { type: 'challengeRestored', challenge },
      { type: 'nothingRestored', expiredChallenge: null },
    ])('ignores a late start-up result ($type) once the user has acted', (event) => {
      expect(flowReducer(resetPending, event)).toBe(resetPending);
    });
  });

  it('signs in from any state', () => {
    for (const state of [signedOut, expired, inChallenge, resetPending]) {
      expect(flowReducer(state, { type: 'signedIn', user })).toEqual(signedIn);
    }
  });

  it('starts a challenge, replacing an expired notice', () => {
    expect(flowReducer(expired, { type: 'challengeStarted', challenge })).toEqual(inChallenge);
  });

  it('expires a challenge, keeping its username for the sign-in form', () => {
    expect(flowReducer(inChallenge, { type: 'challengeExpired' })).toEqual(expired);
  });

  it('ignores an expiry when no challenge is pending', () => {
    expect(flowReducer(signedIn, { type: 'challengeExpired' })).toBe(signedIn);
    expect(flowReducer(signedOut, { type: 'challengeExpired' })).toBe(signedOut);
  });

  it('abandons a challenge without an expiry notice', () => {
    expect(flowReducer(inChallenge, { type: 'challengeAbandoned' })).toEqual(signedOut);
  });

  it('ignores an abandon outside a challenge', () => {
    expect(flowReducer(resetPending, { type: 'challengeAbandoned' })).toBe(resetPending);
  });

  it('clears the expired-challenge notice', () => {
    expect(flowReducer(expired, { type: 'expiredChallengeCleared' })).toEqual(signedOut);
    expect(flowReducer(inChallenge, { type: 'expiredChallengeCleared' })).toBe(inChallenge);
  });

  it('starts a reset from sign-in, a challenge or another reset', () => {
    for (const state of [signedOut, expired, inChallenge, resetPending]) {
      expect(flowReducer(state, { type: 'resetStarted', reset })).toEqual(resetPending);
    }
  });

  it('does not start a reset while signed in or loading', () => {
    expect(flowReducer(signedIn, { type: 'resetStarted', reset })).toBe(signedIn);
    expect(flowReducer(loading, { type: 'resetStarted', reset })).toBe(loading);
  });

  it('records where a resent code went', () => {
    const delivery = { destination: '+*******0123', medium: 'SMS', attributeName: 'phone_number' } as const;
    expect(flowReducer(resetPending, { type: 'resetCodeResent', delivery })).toEqual({
      status: 'resetPending',
      reset: { ...reset, delivery },
    });
    expect(flowReducer(signedOut, { type: 'resetCodeResent', delivery })).toBe(signedOut);
  });

  it('completes a reset to signed out', () => {
    expect(flowReducer(resetPending, { type: 'resetCompleted' })).toEqual(signedOut);
    expect(flowReducer(signedIn, { type: 'resetCompleted' })).toBe(signedIn);
  });

  it('signs out from anywhere', () => {
    for (const state of [signedIn, inChallenge, resetPending, expired]) {
      expect(flowReducer(state, { type: 'signedOut' })).toEqual(signedOut);
    }
  });
});

describe('attributesToRequest', () => {
  it('drops attributes Cognito refuses and those already set', () => {
    expect(
      attributesToRequest(['email', 'email_verified', 'phone_number_verified', 'sub', 'name', 'custom:department'], {
        email: 'new.user@example.com',
        email_verified: 'true',
      }),
    ).toEqual(['name', 'custom:department']);
  });

  it('asks again for an attribute whose value is blank', () => {
    expect(attributesToRequest(['name'], { name: '  ' })).toEqual(['name']);
  });

  it('lists each attribute once', () => {
    expect(attributesToRequest(['name', 'name'], {})).toEqual(['name']);
  });
});

describe('attributesToSend', () => {
  it('keeps only the requested attributes', () => {
    expect(
      attributesToSend(['name', 'custom:department'], {
        name: 'New User',
        'custom:department': 'Sales',
        email: 'other@example.com',
        email_verified: 'true',
        phone_number_verified: 'true',
        sub: 'x',
      }),
    ).toEqual({ name: 'New User', 'custom:department': 'Sales' });
  });

  it('never sends the verified flags or sub, whatever the challenge listed', () => {
    const challengeListed = ['name', 'email_verified', 'phone_number_verified', 'sub'];
    const requested = attributesToRequest(challengeListed, {});
    expect(
      attributesToSend(requested, { name: 'New User', email_verified: 'true', phone_number_verified: 'true', sub: 'x' }),
    ).toEqual({ name: 'New User' });
  });

  it('filters them again from a list that came back from storage naming them', () => {
    const restored = ['name', 'email_verified', 'sub'];
    expect(attributesToSend(restored, { name: 'New User', email_verified: 'true', sub: 'x' })).toEqual({ name: 'New User' });
  });
});

describe('challengeExpiresAt', () => {
  it('adds the session minutes to when the challenge arrived', () => {
    expect(challengeExpiresAt(1_000, 3)).toBe(181_000);
    expect(challengeExpiresAt(0, 15)).toBe(900_000);
  });
});
