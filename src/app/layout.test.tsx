import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Link, Route, Routes } from 'react-router';
import { setLanguage } from '../i18n';
import { renderWithProviders } from '../test/render';
import { makeTestConfig } from '../test/test-config';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { ScreenHeading } from './screen-heading';

function First() {
  return (
    <>
      <ScreenHeading>First screen</ScreenHeading>
      <Link to="/second">Next</Link>
    </>
  );
}

function Second() {
  return <ScreenHeading title="Second">Second screen</ScreenHeading>;
}

function app() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/" element={<First />} />
        <Route path="/second" element={<Second />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

describe('Layout and ScreenHeading', () => {
  afterEach(async () => {
    cleanup(); // unmount first: nothing is left to re-render when English comes back
    await setLanguage('en', { remember: false });
  });

  // Each test waits for the provider's start-up (the stored-session check) with a findBy query.
  it('renders the product name and the screen inside main', async () => {
    renderWithProviders(app(), { config: makeTestConfig({ productName: 'Contoso ID' }) });
    const heading = await screen.findByRole('heading', { level: 1, name: 'First screen' });
    expect(screen.getByText('Contoso ID')).toBeInTheDocument();
    expect(screen.getByRole('main')).toContainElement(heading);
  });

  it('shows no image when no logo is configured', async () => {
    const { container } = renderWithProviders(app());
    await screen.findByRole('heading', { level: 1, name: 'First screen' });
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the configured logo beside the product name, as decoration', async () => {
    const { container } = renderWithProviders(app(), {
      config: makeTestConfig({ productName: 'Contoso ID', logoUrl: '/brand/logo.svg' }),
    });
    await screen.findByRole('heading', { level: 1, name: 'First screen' });
    const logo = container.querySelector('header img');
    expect(logo).toHaveAttribute('src', '/brand/logo.svg');
    // Empty alt: the product name next to it already says what a screen reader needs.
    expect(logo).toHaveAttribute('alt', '');
    expect(screen.queryByRole('img')).toBeNull();
    expect(logo?.parentElement).toHaveTextContent('Contoso ID');
  });

  it("shows the app's own product name in the page's language when the config names none", async () => {
    renderWithProviders(app());
    await screen.findByRole('heading', { level: 1, name: 'First screen' });
    expect(screen.getByRole('banner')).toHaveTextContent('Account');
    await act(async () => setLanguage('ja', { remember: false }));
    expect(screen.getByRole('banner')).toHaveTextContent('アカウント');
    await waitFor(() => expect(document.title).toBe('First screen – アカウント'));
    await act(async () => setLanguage('zh-CN', { remember: false }));
    expect(screen.getByRole('banner')).toHaveTextContent('账户');
  });

  it("shows the config's name for the page's language, or the default language's where it gives none", async () => {
    const productName = { en: 'Contoso account', ja: 'Contoso アカウント' };
    renderWithProviders(app(), { config: makeTestConfig({ productName }) });
    await screen.findByRole('heading', { level: 1, name: 'First screen' });
    expect(screen.getByRole('banner')).toHaveTextContent('Contoso account');
    await act(async () => setLanguage('ja', { remember: false }));
    expect(screen.getByRole('banner')).toHaveTextContent('Contoso アカウント');
    await waitFor(() => expect(document.title).toBe('First screen – Contoso アカウント'));
    await act(async () => setLanguage('zh-CN', { remember: false }));
    expect(screen.getByRole('banner')).toHaveTextContent('Contoso account');
  });

  it('names the document after the screen and the product', async () => {
    renderWithProviders(app(), { config: makeTestConfig({ productName: 'Contoso ID' }) });
    await screen.findByRole('heading', { level: 1, name: 'First screen' });
    await waitFor(() => expect(document.title).toBe('First screen – Contoso ID'));
  });

  it('moves focus to the new screen heading on a route change', async () => {
    const user = userEvent.setup();
    renderWithProviders(app());
    await user.click(await screen.findByRole('link', { name: 'Next' }));
    const heading = screen.getByRole('heading', { level: 1, name: 'Second screen' });
    expect(heading).toHaveFocus();
    expect(heading).toHaveAttribute('tabindex', '-1');
    expect(document.title).toBe('Second – Account');
  });
});

describe('NotFound', () => {
  it('says so and links to the start page', async () => {
    renderWithProviders(app(), { initialEntries: ['/no/such/page'] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toHaveAttribute('href', '/');
    expect(document.title).toBe('Page not found – Account');
  });
});
