import { z } from 'zod/mini';
import type { SignedInUser } from '../auth/auth-types';
import type { SignInIdentifier } from '../config/schema';

/**
 * What people sign in with, from the config's `signInWith` (the pool's UsernameAttributes or AliasAttributes,
 * docs/cognito-behaviour.md §10): the sign-in and forgot-password field's label, keyboard and check, and the
 * name the app shows a signed-in user. Catalog keys are written out here so the catalog test sees them.
 */

/** One of the seven combinations of `signInWith`, whatever order the config lists them in. */
export type IdentifierKind = 'username' | 'email' | 'phone' | 'usernameOrEmail' | 'usernameOrPhone' | 'emailOrPhone' | 'any';

export function identifierKind(signInWith: readonly SignInIdentifier[]): IdentifierKind {
  const username = signInWith.includes('username');
  const email = signInWith.includes('email');
  const phone = signInWith.includes('phone');
  if (username && email && phone) return 'any';
  if (username && email) return 'usernameOrEmail';
  if (username && phone) return 'usernameOrPhone';
  if (email && phone) return 'emailOrPhone';
  if (email) return 'email';
  if (phone) return 'phone';
  return 'username';
}

export interface IdentifierFieldSpec {
  /** The field's label ("Email address", "Username or email"). */
  labelKey: string;
  /** The same in a sentence ("Enter your {{identifier}}."), lower case where the language has case. */
  nounKey: string;
  /** Help under the label: how to write a phone number. */
  hintKey: string | null;
  /** A phone keyboard for phone numbers, an email keyboard where addresses are typed; text otherwise. */
  type: 'text' | 'email' | 'tel';
  inputMode: 'text' | 'email' | 'tel';
}

const FIELD_SPECS: Record<IdentifierKind, IdentifierFieldSpec> = {
  username: { labelKey: 'identifier.label.username', nounKey: 'identifier.noun.username', hintKey: null, type: 'text', inputMode: 'text' },
  email: { labelKey: 'identifier.label.email', nounKey: 'identifier.noun.email', hintKey: null, type: 'email', inputMode: 'email' },
  phone: { labelKey: 'identifier.label.phone', nounKey: 'identifier.noun.phone', hintKey: 'identifier.phoneHint', type: 'tel', inputMode: 'tel' },
  usernameOrEmail: {
    labelKey: 'identifier.label.usernameOrEmail',
    nounKey: 'identifier.noun.usernameOrEmail',
    hintKey: null,
    type: 'text',
    inputMode: 'email',
  },
  usernameOrPhone: {
    labelKey: 'identifier.label.usernameOrPhone',
    nounKey: 'identifier.noun.usernameOrPhone',
    hintKey: 'identifier.phoneHint',
    type: 'text',
    inputMode: 'text',
  },
  emailOrPhone: {
    labelKey: 'identifier.label.emailOrPhone',
    nounKey: 'identifier.noun.emailOrPhone',
    hintKey: 'identifier.phoneHint',
    type: 'text',
    inputMode: 'email',
  },
  any: { labelKey: 'identifier.label.any', nounKey: 'identifier.noun.any', hintKey: 'identifier.phoneHint', type: 'text', inputMode: 'email' },
};

export function identifierFieldSpec(kind: IdentifierKind): IdentifierFieldSpec {
  return FIELD_SPECS[kind];
}

/**
 * The shapes Cognito takes (docs/cognito-behaviour.md §10.2): a phone number is `+`, the country code and digits
 * (at most 15, E.164); an email address a local part, `@` and a domain with a dot. Checking them here saves a
 * round trip that could only fail, and says what is wrong where Cognito would only say "incorrect".
 */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// At least 7 digits here (the shortest numbers in use, country code included), so a number cut short is caught
// before Cognito could only answer "incorrect".
const PHONE_SHAPE = /^\+[1-9]\d{6,14}$/;
/** What people put between the digits of a phone number; Cognito takes `+` and digits only. */
const PHONE_PUNCTUATION = /[\s\-.()]/g;

const allowsEmail = (kind: IdentifierKind) => kind === 'email' || kind === 'usernameOrEmail' || kind === 'emailOrPhone' || kind === 'any';
const allowsPhone = (kind: IdentifierKind) => kind === 'phone' || kind === 'usernameOrPhone' || kind === 'emailOrPhone' || kind === 'any';

/**
 * What is sent for what was typed: trimmed, and a phone number without its spaces, dashes and brackets
 * ("+81 90-1234-5678" is +819012345678). Anything that is not a phone number once those are gone (a username,
 * an address) is sent as typed.
 */
export function normalizeIdentifier(value: string, kind: IdentifierKind): string {
  const trimmed = value.trim();
  if (!allowsPhone(kind)) return trimmed;
  const compact = trimmed.replace(PHONE_PUNCTUATION, '');
  return /^\+\d+$/.test(compact) ? compact : trimmed;
}

/** The message key when a value cannot be what the pool signs in with; null when it may be (or is empty). */
export function identifierProblem(value: string, kind: IdentifierKind): string | null {
  if (value === '') return null;
  const email = EMAIL_SHAPE.test(value);
  const phone = PHONE_SHAPE.test(value);
  switch (kind) {
    case 'email':
      return email ? null : 'identifier.invalidEmail';
    case 'phone':
      return phone ? null : 'identifier.invalidPhone';
    case 'emailOrPhone':
      return email || phone ? null : 'identifier.invalidEmailOrPhone';
    case 'usernameOrPhone':
    case 'any':
      // A username can be almost anything, but in a pool with a phone alias it is never a number that starts
      // with + (docs/cognito-behaviour.md §10.3): such an entry is a phone number, and must be a whole one.
      return value.startsWith('+') && /^\+\d*$/.test(value) && !phone ? 'identifier.invalidPhone' : null;
    default:
      return null;
  }
}

/** The field's schema: normalised, required ("Enter your {{identifier}}."), and of a shape the pool takes. */
export function identifierSchema(kind: IdentifierKind) {
  return z.string().check(
    z.overwrite((value) => normalizeIdentifier(value, kind)),
    z.minLength(1, 'ui.validation.identifierRequired'),
    z.superRefine((value, context) => {
      const problem = identifierProblem(value, kind);
      if (problem) context.addIssue({ code: 'custom', message: problem, input: value });
    }),
  );
}

/** Which of the three a typed value is, among what the pool takes: for "Email address: jane@example.com". */
export function typedIdentifierKind(value: string, kind: IdentifierKind): SignInIdentifier {
  if (allowsEmail(kind) && EMAIL_SHAPE.test(value)) return 'email';
  if (allowsPhone(kind) && PHONE_SHAPE.test(value)) return 'phone';
  if (kind === 'email') return 'email';
  if (kind === 'phone') return 'phone';
  return kind === 'emailOrPhone' ? 'email' : 'username';
}

/** The label of one of the three, for a value shown on its own ("Phone number: +81…"). */
export const SINGLE_LABEL_KEYS: Record<SignInIdentifier, string> = {
  username: 'identifier.label.username',
  email: 'identifier.label.email',
  phone: 'identifier.label.phone',
};

/**
 * The name a signed-in user knows themselves by: what they sign in with. Never the username when it is the
 * `sub`, as in a pool that signs in with email or phone (Cognito generates it: docs/cognito-behaviour.md §10.2),
 * whatever the config says. A preferred_username (a username the user chose, §10.3) comes before the username.
 */
export function signInName(user: SignedInUser, signInWith: readonly SignInIdentifier[]): { kind: SignInIdentifier; value: string } | null {
  const { email, phone_number: phone, preferred_username: preferred, sub } = user.attributes;
  const generated = sub !== undefined && user.username === sub;
  if (signInWith.includes('username') && !generated) return { kind: 'username', value: preferred || user.username };
  if (signInWith.includes('email') && email) return { kind: 'email', value: email };
  if (signInWith.includes('phone') && phone) return { kind: 'phone', value: phone };
  if (email) return { kind: 'email', value: email };
  if (phone) return { kind: 'phone', value: phone };
  if (preferred) return { kind: 'username', value: preferred };
  return generated ? null : { kind: 'username', value: user.username };
}
