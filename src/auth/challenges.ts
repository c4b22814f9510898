/**
 * The pending sign-in challenge: a union keyed by Cognito's challenge name, each case with only what its
 * screen needs. Screens narrow on `name`; the flow, the storage and the next-screen choice switch on it, so
 * a new challenge is one more case here and TypeScript lists every place that must handle it.
 */

/** The second factors Cognito names in its challenges and in `MFAS_CAN_CHOOSE` / `MFAS_CAN_SETUP`. */
export const MFA_METHODS = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'] as const;
export type MfaMethod = (typeof MFA_METHODS)[number];

export function isMfaMethod(value: unknown): value is MfaMethod {
  return typeof value === 'string' && (MFA_METHODS as readonly string[]).includes(value);
}

/** The challenges answered with a code typed by the user. */
export const MFA_CODE_CHALLENGES = ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'] as const;
export type MfaCodeChallengeName = (typeof MFA_CODE_CHALLENGES)[number];

/** What each challenge carries, as the flow keeps it. */
export type ChallengeDetails =
  | {
      name: 'NEW_PASSWORD_REQUIRED';
      /** Attribute names (no `userAttributes.` prefix) the user must supply, already filtered. */
      requiredAttributes: string[];
    }
  | {
      name: 'SMS_MFA' | 'EMAIL_OTP';
      /** Where the code went, masked exactly as Cognito returns it ("+*******4567", "d***@e***"). */
      destination: string;
    }
  | { name: 'SOFTWARE_TOKEN_MFA' }
  | {
      name: 'SELECT_MFA_TYPE';
      /** The methods Cognito offers (`MFAS_CAN_CHOOSE`), in its order. */
      methods: MfaMethod[];
    }
  | {
      name: 'MFA_SETUP';
      /** The methods the user may set up (`MFAS_CAN_SETUP`). */
      methods: MfaMethod[];
      /**
       * The authenticator key from AssociateSoftwareToken, null until it has been asked for. Held in memory
       * only: whoever reads it can make codes, so it is never saved; after a reload a new key is asked for.
       */
      secret: string | null;
    };

export type ChallengeName = ChallengeDetails['name'];

/** A pending challenge as screens see it. */
export type ChallengeView = ChallengeDetails & {
  /** As the user typed it at sign-in: shown, and prefilled on sign-in when the challenge runs out. */
  username: string;
  /** Epoch milliseconds at which Cognito stops accepting the challenge's Session. */
  expiresAt: number;
  /**
   * The user has already set a new password in this sign-in (NEW_PASSWORD_REQUIRED answered, then a second
   * factor asked for): if this step runs out, the password to sign in with is the new one.
   */
  passwordChanged: boolean;
};

/** A challenge narrowed to one name. */
export type ChallengeOf<N extends ChallengeName> = Extract<ChallengeView, { name: N }>;
