/** Every route of the app, in one place so links and redirects cannot drift apart. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  newPassword: '/new-password',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  account: '/account',
  changePassword: '/account/change-password',
} as const;

export type AppPath = (typeof paths)[keyof typeof paths];
