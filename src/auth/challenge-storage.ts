import { z } from 'zod/mini';

/**
 * A pending challenge survives a reload in sessionStorage (this tab only, gone when it closes):
 * the username, Cognito's Session string (and the name it is bound to), when it expires and the attributes to ask for.
 * Never a password: the Session alone lets the user finish only by choosing a new password.
 */
const STORAGE_KEY = 'account-portal.pendingChallenge';

const SavedChallengeSchema = z.object({
  /** As the user typed it: shown, and prefilled on sign-in when the challenge runs out. */
  username: z.string().check(z.minLength(1)),
  /** The name Cognito bound the Session to (USER_ID_FOR_SRP), when it differs, e.g. after signing in with an alias. */
  sessionUsername: z.optional(z.string().check(z.minLength(1))),
  session: z.string().check(z.minLength(1)),
  // Finite: zod 4 numbers never accept Infinity or NaN.
  expiresAt: z.number(),
  requiredAttributes: z.array(z.string()),
});
export type SavedChallenge = z.infer<typeof SavedChallengeSchema>;

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
        const parsed = SavedChallengeSchema.safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data;
      } catch {
        // fall through: unreadable
      }
      storage.removeItem(STORAGE_KEY);
      return null;
    },
    save(challenge) {
      // Build the record field by field so nothing else (a password, say) can ride along.
      const record: SavedChallenge = {
        username: challenge.username,
        ...(challenge.sessionUsername && challenge.sessionUsername !== challenge.username
          ? { sessionUsername: challenge.sessionUsername }
          : {}),
        session: challenge.session,
        expiresAt: challenge.expiresAt,
        requiredAttributes: [...challenge.requiredAttributes],
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
