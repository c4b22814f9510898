import { describe, expect, it, vi } from 'vitest';
import * as srp from '../srp';
import { APP_CLIENT, DEMO_PASSWORD, passwordSignIn, signIn, useEmulator } from './helpers';

/**
 * A wrong password for a real user and any password for a name without a user must cost the pool the same work
 * (docs/cognito-behaviour.md §3.6, §6): otherwise the time an answer takes tells which names exist. Timings are
 * noisy on a shared machine, so this checks the structure instead: the same SRP operations, in the same order,
 * on verifiers of the same size.
 */
vi.mock('../srp', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../srp')>();
  return {
    ...actual,
    passwordMatches: vi.fn(actual.passwordMatches),
    startSrp: vi.fn(actual.startSrp),
    expectedPasswordClaimSignature: vi.fn(actual.expectedPasswordClaimSignature),
    signaturesMatch: vi.fn(actual.signaturesMatch),
  };
});

const emulator = useEmulator();
const url = () => emulator.current.url;

/** The SRP operations the pool ran since the last call, in order, each with the width of the verifier it used. */
const SPIED = ['passwordMatches', 'startSrp', 'expectedPasswordClaimSignature', 'signaturesMatch'] as const;
function operationsRun(): Array<{ name: string; verifierHexDigits?: number }> {
  const timeline: Array<{ order: number; name: string; verifierHexDigits?: number }> = [];
  for (const name of SPIED) {
    const spy = vi.mocked(srp[name] as (...args: never[]) => unknown);
    spy.mock.calls.forEach((args, index) => {
      const verifier = verifierOf(name, args as unknown[]);
      timeline.push({ order: spy.mock.invocationCallOrder[index], name, ...(verifier ? { verifierHexDigits: roundedWidth(verifier) } : {}) });
    });
    spy.mockClear();
  }
  return timeline.sort((a, b) => a.order - b.order).map(({ name, verifierHexDigits }) => ({ name, verifierHexDigits }));
}

function verifierOf(name: (typeof SPIED)[number], args: unknown[]): string | undefined {
  if (name === 'passwordMatches') return (args[3] as srp.PasswordVerifier).verifier;
  if (name === 'startSrp') return args[0] as string;
  if (name === 'expectedPasswordClaimSignature') return (args[0] as { stored: srp.PasswordVerifier }).stored.verifier;
  return undefined;
}

/** A verifier is below N (768 hex digits); a few leading zero digits are chance, not a difference in work. */
function roundedWidth(hex: string): number {
  return Math.ceil(hex.length / 16) * 16;
}

describe('a wrong password and a name without a user cost the same work', () => {
  it('USER_PASSWORD_AUTH: the password is checked against a verifier either way', async () => {
    operationsRun();
    expect((await passwordSignIn(url(), 'demo.user', 'Wrong-Passw0rd!')).body.message).toBe('Incorrect username or password.');
    const realUser = operationsRun();
    expect((await passwordSignIn(url(), 'nobody.here', 'Wrong-Passw0rd!')).body.message).toBe('Incorrect username or password.');
    const unknownName = operationsRun();
    expect(realUser).toEqual([{ name: 'passwordMatches', verifierHexDigits: 768 }]);
    expect(unknownName).toEqual(realUser);
  });

  it('USER_SRP_AUTH with amazon-cognito-identity-js: both steps run the same maths for both', async () => {
    operationsRun();
    const wrong = await signIn(url(), 'demo.user', 'Wrong-Passw0rd!');
    expect(wrong.kind === 'failed' && wrong.error.message).toBe('Incorrect username or password.');
    const realUser = operationsRun();
    const unknown = await signIn(url(), 'nobody.here', 'Wrong-Passw0rd!');
    expect(unknown.kind === 'failed' && unknown.error.message).toBe('Incorrect username or password.');
    const unknownName = operationsRun();
    expect(realUser).toEqual([
      { name: 'startSrp', verifierHexDigits: 768 },
      { name: 'expectedPasswordClaimSignature', verifierHexDigits: 768 },
      { name: 'signaturesMatch' },
    ]);
    expect(unknownName).toEqual(realUser);
  });

  it('and a right password for the real user runs those same operations (the check is the same, only its result differs)', async () => {
    operationsRun();
    expect((await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD, APP_CLIENT)).status).toBe(200);
    expect(operationsRun()).toEqual([{ name: 'passwordMatches', verifierHexDigits: 768 }]);
  });
});
