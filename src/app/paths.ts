/** Every route of the app, in one place so links and redirects cannot drift apart. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  newPassword: '/new-password',
  /** SMS_MFA, EMAIL_OTP and SOFTWARE_TOKEN_MFA. */
  mfaCode: '/verify-code',
  /** SELECT_MFA_TYPE. */
  chooseMfa: '/choose-method',
  /** MFA_SETUP. */
  setUpAuthenticator: '/set-up-authenticator',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  account: '/account',
  changePassword: '/account/change-password',
  /** Two-step verification: the methods on, the preferred one, an authenticator app to add. */
  twoStepVerification: '/account/two-step-verification',
  addAuthenticator: '/account/two-step-verification/authenticator',
  /** `?attribute=email` or `?attribute=phone_number`. */
  verifyContact: '/account/verify-contact',
} as const;

export type AppPath = (typeof paths)[keyof typeof paths];
