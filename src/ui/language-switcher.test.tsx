import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { paths } from '../app/paths';
import { AppRoutes } from '../app/router';
import * as i18nModule from '../i18n';
import { renderWithProviders } from '../test/render';

// setLanguage calls through to the real one; one test makes it fail, as a lost connection would.
vi.mock('../i18n', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../i18n')>();
  return { ...actual, setLanguage: vi.fn(actual.setLanguage) };
});

const { i18n, LANGUAGE_STORAGE_KEY } = i18nModule;
const setLanguage = vi.mocked(i18nModule.setLanguage);

// Vitest compiles a catalog module on its first import, which can outlast a findBy wait on a slow machine;
// the switch itself still goes through setLanguage and its dynamic import.
beforeAll(async () => {
  await Promise.all([i18nModule.loadCatalog('ja'), i18nModule.loadCatalog('zh-CN')]);
});

afterEach(async () => {
  cleanup(); // unmount first: the screen has nothing to re-render when English comes back
  await setLanguage('en', { remember: false });
  localStorage.clear();
});

function renderSignIn() {
  return renderWithProviders(<AppRoutes />, { initialEntries: [paths.signIn] });
}

describe('LanguageSwitcher', () => {
  it('offers every language, each named in itself, on the screen', async () => {
    renderSignIn();
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    const group = screen.getByRole('group', { name: 'Language' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((button) => [button.textContent, button.getAttribute('lang'), button.getAttribute('aria-pressed')])).toEqual([
      ['English', 'en', 'true'],
      ['日本語', 'ja', 'false'],
      ['简体中文', 'zh-CN', 'false'],
    ]);
  });

  it('switches the screen to Japanese in place: text, title, <html lang>, and remembers it', async () => {
    const user = userEvent.setup();
    renderSignIn();
    const heading = await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    await user.type(screen.getByLabelText('Username'), 'demo.user');

    await user.click(screen.getByRole('button', { name: '日本語' }));

    await waitFor(() => expect(heading).toHaveTextContent('ログイン'));
    expect(screen.getByLabelText('ユーザー名')).toHaveValue('demo.user'); // same form, not a reload
    expect(screen.getByRole('button', { name: 'ログイン' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '言語' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement).toHaveAttribute('lang', 'ja');
    // With no productName in the config, the app's own name in Japanese too.
    await waitFor(() => expect(document.title).toBe('ログイン – アカウント'));
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ja');
  });

  it('translates errors already on screen, and works from the keyboard', async () => {
    const user = userEvent.setup();
    renderSignIn();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your username.')).toBeInTheDocument();

    screen.getByRole('button', { name: '简体中文' }).focus();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('请输入用户名。')).toBeInTheDocument();
    expect(screen.getByText('请输入密码。')).toBeInTheDocument();
    expect(screen.queryByText('Enter your username.')).not.toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'zh-CN');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(screen.getByRole('button', { name: '简体中文' })).toHaveFocus();
  });

  it('says so and stays in the current language when a catalog cannot be loaded', async () => {
    const user = userEvent.setup();
    setLanguage.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
    renderSignIn();
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    await user.click(screen.getByRole('button', { name: '日本語' }));

    // An alert, which a screen reader announces as it appears.
    expect(await screen.findByText('The language could not be loaded. Check your connection and try again.')).toHaveAttribute(
      'role',
      'alert',
    );
    expect(i18n.language).toBe('en');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
  });
});
