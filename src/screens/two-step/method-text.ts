import type { MfaMethod } from '../../auth/challenges';

/** What the screens say about each method, as literal catalog keys (one sentence each, natural in every language). */
export interface MethodText {
  label: string;
  description: string;
  makePreferred: string;
  turnedOn: string;
  turnedOff: string;
  nowPreferred: string;
  /** The account page's one-line summary when this is the preferred method. */
  summary: string;
}

export const METHOD_TEXT: Record<MfaMethod, MethodText> = {
  SOFTWARE_TOKEN_MFA: {
    label: 'twoStep.methods.authenticator.label',
    description: 'twoStep.methods.authenticator.description',
    makePreferred: 'twoStep.methods.authenticator.makePreferred',
    turnedOn: 'twoStep.methods.authenticator.turnedOn',
    turnedOff: 'twoStep.methods.authenticator.turnedOff',
    nowPreferred: 'twoStep.methods.authenticator.nowPreferred',
    summary: 'twoStep.methods.authenticator.summary',
  },
  SMS_MFA: {
    label: 'twoStep.methods.sms.label',
    description: 'twoStep.methods.sms.description',
    makePreferred: 'twoStep.methods.sms.makePreferred',
    turnedOn: 'twoStep.methods.sms.turnedOn',
    turnedOff: 'twoStep.methods.sms.turnedOff',
    nowPreferred: 'twoStep.methods.sms.nowPreferred',
    summary: 'twoStep.methods.sms.summary',
  },
  EMAIL_OTP: {
    label: 'twoStep.methods.email.label',
    description: 'twoStep.methods.email.description',
    makePreferred: 'twoStep.methods.email.makePreferred',
    turnedOn: 'twoStep.methods.email.turnedOn',
    turnedOff: 'twoStep.methods.email.turnedOff',
    nowPreferred: 'twoStep.methods.email.nowPreferred',
    summary: 'twoStep.methods.email.summary',
  },
};
