import { z } from 'zod/mini';
import { MFA_METHODS, type ChallengeDetails } from './challenges';

/**
 * A pending challenge survives a reload in sessionStorage (this tab only, gone when it closes):
 * the username, Cognito's Session string (and the name it is bound to), when it expires and what the
 * challenge's screen shows. Never a password, a code or an authenticator key: the Session alone lets the
 * user finish only by answering the challenge.
 */
const STORAGE_KEY = 'account-portal.pendingChallenge';

const MfaMethodSchema = z.enum(MFA_METHODS);

const SavedDetailsSchema = z.union([
  z.object({ name: z.literal('NEW_PASSWORD_REQUIRED'), requiredAttributes: z.array(z.string()) }),
  z.object({ name: z.enum(['SMS_MFA', 'EMAIL_OTP']), destination: z.string() }),
  z.object({ name: z.literal('SOFTWARE_TOKEN_MFA') }),
  z.object({ name: z.literal('SELECT_MFA_TYPE'), methods: z.array(MfaMethodSchema) }),
  z.object({ name: z.literal('MFA_SETUP'), methods: z.array(MfaMethodSchema) }),
]);

const SavedChallengeSchema = z.object({
  /** As the user typed it: shown, and prefilled on sign-in when the challenge runs out. */
  username: z.string().check(z.minLength(1)),
  /** The name Cognito bound the Session to (USER_ID_FOR_SRP), when it differs, e.g. after signing in with an alias. */
  sessionUsername: z.optional(z.string().check(z.minLength(1))),
  session: z.string().check(z.minLength(1)),
  // Finite: zod 4 numbers never accept Infinity or NaN.
  expiresAt: z.number(),
  passwordChanged: z.optional(z.boolean()),
  challenge: SavedDetailsSchema,
});

/** The record an earlier version saved, when NEW_PASSWORD_REQUIRED was the only challenge. */
const LegacySavedChallengeSchema = z.object({
  username: z.string().check(z.minLength(1)),
  sessionUsername: z.optional(z.string().check(z.minLength(1))),
  session: z.string().check(z.minLength(1)),
  expiresAt: z.number(),
  requiredAttributes: z.array(z.string()),
});

export interface SavedChallenge {
  username: string;
  sessionUsername?: string;
  session: string;
  expiresAt: number;
  passwordChanged: boolean;
  challenge: ChallengeDetails;
}

function parseSaved(value: unknown): SavedChallenge | null {
  const current = SavedChallengeSchema.safeParse(value);
  if (current.success) {
    const { challenge, passwordChanged, ...rest } = current.data;
    const details: ChallengeDetails = challenge.name === 'MFA_SETUP' ? { ...challenge, secret: null } : challenge;
    return { ...rest, passwordChanged: passwordChanged ?? false, challenge: details };
  }
  const legacy = LegacySavedChallengeSchema.safeParse(value);
  if (legacy.success) {
    const { requiredAttributes, ...rest } = legacy.data;
    return { ...rest, passwordChanged: false, challenge: { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes } };
  }
  return null;
}

export interface ChallengeStore {
  read(): SavedChallenge | null;
  save(challenge: SavedChallenge): void;
  clear(): void;
}

export function createChallengeStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = browserSessionStorage()): ChallengeStore {
  return {
    read() {
      if (!storage) return null;
      const raw = storage.getItem(STORAGE_KEY);
      if (raw === null) return null;
      try {
        const parsed = parseSaved(JSON.parse(raw));
        if (parsed) return parsed;
      } catch {
        // fall through: unreadable
      }
      storage.removeItem(STORAGE_KEY);
      return null;
    },
    save(challenge) {
      // Build the record field by field so nothing else (a password, say) can ride along.
      const record = {
        username: challenge.username,
        ...(challenge.sessionUsername && challenge.sessionUsername !== challenge.username
          ? { sessionUsername: challenge.sessionUsername }
          : {}),
        session: challenge.session,
        expiresAt: challenge.expiresAt,
        ...(challenge.passwordChanged ? { passwordChanged: true } : {}),
        challenge: savedDetails(challenge.challenge),
      };
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(record));
      } catch {
        // Storage full or blocked: the challenge still works until a reload.
      }
    },
    clear() {
      storage?.removeItem(STORAGE_KEY);
    },
  };
}

function browserSessionStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // blocked by the browser's privacy settings
  }
}

export const CHALLENGE_STORAGE_KEY = STORAGE_KEY;

/**
 * The stored form of a challenge's details, built field by field so nothing else can ride along. The
 * MFA_SETUP key is left out altogether: whoever reads it can make codes, so after a reload the screen asks
 * Cognito for a new one with the same Session.
 */
function savedDetails(details: ChallengeDetails): z.infer<typeof SavedDetailsSchema> {
  switch (details.name) {
    case 'NEW_PASSWORD_REQUIRED':
      return { name: details.name, requiredAttributes: [...details.requiredAttributes] };
    case 'SMS_MFA':
    case 'EMAIL_OTP':
      return { name: details.name, destination: details.destination };
    case 'SOFTWARE_TOKEN_MFA':
      return { name: details.name };
    case 'SELECT_MFA_TYPE':
      return { name: details.name, methods: [...details.methods] };
    case 'MFA_SETUP':
      return { name: details.name, methods: [...details.methods] };
  }
}
