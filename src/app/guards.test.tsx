import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route, Routes, useLocation } from 'react-router';
import { createFakeAuthAdapter, demoUser } from '../test/fake-auth-adapter';
import { renderWithProviders } from '../test/render';
import { HomeRedirect, RedirectIfSignedIn, RequireSignedIn } from './guards';
import { readNavigationState } from './navigation-state';
import { paths } from './paths';

function ShowLocation({ name }: { name: string }) {
  const location = useLocation();
  return (
    <p data-testid="where">
      {name} {location.pathname} {JSON.stringify(readNavigationState(location.state))}
    </p>
  );
}

function routes() {
  return (
    <Routes>
      <Route path="/" element={<HomeRedirect />} />
      <Route
        path={paths.signIn}
        element={
          <RedirectIfSignedIn>
            <ShowLocation name="sign-in" />
          </RedirectIfSignedIn>
        }
      />
      <Route
        path={paths.account}
        element={
          <RequireSignedIn>
            <ShowLocation name="account" />
          </RequireSignedIn>
        }
      />
      <Route
        path={paths.changePassword}
        element={
          <RequireSignedIn>
            <ShowLocation name="change-password" />
          </RequireSignedIn>
        }
      />
    </Routes>
  );
}

const signedIn = () => createFakeAuthAdapter({ currentSession: () => Promise.resolve(demoUser) });
const pending = () => createFakeAuthAdapter({ currentSession: () => new Promise(() => {}) });

describe('RequireSignedIn', () => {
  it('shows a loading indicator while the session is checked', () => {
    renderWithProviders(routes(), { adapter: pending(), initialEntries: [paths.account] });
    expect(screen.getByRole('status')).toHaveTextContent('Checking whether you are signed in…');
    expect(screen.queryByTestId('where')).not.toBeInTheDocument();
  });

  it('sends a signed-out user to sign in, remembering where they were going', async () => {
    renderWithProviders(routes(), { initialEntries: [`${paths.changePassword}?tab=1#top`] });
    expect(await screen.findByTestId('where')).toHaveTextContent(
      'sign-in /sign-in {"from":"/account/change-password?tab=1#top"}',
    );
  });

  it('shows the screen to a signed-in user', async () => {
    renderWithProviders(routes(), { adapter: signedIn(), initialEntries: [paths.account] });
    expect(await screen.findByTestId('where')).toHaveTextContent('account /account');
  });
});

describe('RedirectIfSignedIn', () => {
  it('shows a signed-out screen to a signed-out user', async () => {
    renderWithProviders(routes(), { initialEntries: [paths.signIn] });
    expect(await screen.findByTestId('where')).toHaveTextContent('sign-in /sign-in');
  });

  it('sends a signed-in user to the account', async () => {
    renderWithProviders(routes(), { adapter: signedIn(), initialEntries: [paths.signIn] });
    expect(await screen.findByTestId('where')).toHaveTextContent('account /account');
  });

  it('sends a signed-in user on to where they were going', async () => {
    renderWithProviders(routes(), {
      adapter: signedIn(),
      initialEntries: [{ pathname: paths.signIn, state: { from: paths.changePassword } }],
    });
    expect(await screen.findByTestId('where')).toHaveTextContent('change-password /account/change-password');
  });

  it('shows a loading indicator while the session is checked', () => {
    renderWithProviders(routes(), { adapter: pending(), initialEntries: [paths.signIn] });
    expect(screen.getByRole('status')).toBeInTheDocument();
  });
});

describe('HomeRedirect', () => {
  it('goes to sign-in when signed out', async () => {
    renderWithProviders(routes(), { initialEntries: ['/'] });
    expect(await screen.findByTestId('where')).toHaveTextContent('sign-in /sign-in');
  });

  it('goes to the account when signed in', async () => {
    renderWithProviders(routes(), { adapter: signedIn(), initialEntries: ['/'] });
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('account /account'));
  });
});
