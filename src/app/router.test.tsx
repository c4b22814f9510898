import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { createFakeAuthAdapter, demoUser } from '../test/fake-auth-adapter';
import { renderWithProviders } from '../test/render';
import { paths } from './paths';
import { AppRoutes } from './router';

// Screen headings come from the screens' catalog; read them from it rather than repeating the wording.
const heading = (key: string) => screen.findByRole('heading', { level: 1, name: i18n.t(key) });
const signedIn = () => createFakeAuthAdapter({ currentSession: () => Promise.resolve(demoUser) });

describe('AppRoutes', () => {
  it('opens sign-in at / when signed out', async () => {
    renderWithProviders(<AppRoutes />, { initialEntries: [paths.home] });
    expect(await heading('signIn.title')).toBeInTheDocument();
  });

  it('opens the account at / when signed in', async () => {
    renderWithProviders(<AppRoutes />, { adapter: signedIn(), initialEntries: [paths.home] });
    expect(await heading('account.title')).toBeInTheDocument();
  });

  it.each([
    paths.account,
    paths.changePassword,
    paths.twoStepVerification,
    paths.addAuthenticator,
    `${paths.verifyContact}?attribute=email`,
  ])(
    'sends a signed-out visitor of %s to sign in',
    async (path) => {
      renderWithProviders(<AppRoutes />, { initialEntries: [path] });
      expect(await heading('signIn.title')).toBeInTheDocument();
    },
  );

  it('opens change password for a signed-in user', async () => {
    renderWithProviders(<AppRoutes />, { adapter: signedIn(), initialEntries: [paths.changePassword] });
    expect(await heading('changePassword.title')).toBeInTheDocument();
  });

  it.each([paths.mfaCode, paths.chooseMfa, paths.setUpAuthenticator])(
    'sends a visitor of %s with no sign-in step pending to sign in',
    async (path) => {
      renderWithProviders(<AppRoutes />, { initialEntries: [path] });
      expect(await heading('signIn.title')).toBeInTheDocument();
    },
  );

  it.each([paths.signIn, paths.forgotPassword, paths.mfaCode, paths.chooseMfa, paths.setUpAuthenticator])(
    'sends a signed-in visitor of %s to the account',
    async (path) => {
      renderWithProviders(<AppRoutes />, { adapter: signedIn(), initialEntries: [path] });
      expect(await heading('account.title')).toBeInTheDocument();
    },
  );

  it('shows the not-found page for an unknown address, inside the layout', async () => {
    renderWithProviders(<AppRoutes />, { initialEntries: ['/nowhere'] });
    const notFound = await heading('app.notFound.title');
    expect(screen.getByRole('main')).toContainElement(notFound);
  });
});
