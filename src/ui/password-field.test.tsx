import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../i18n';
import { AnnouncerProvider } from './announcer';
import { PasswordField } from './password-field';

const rules = [
  { id: 'minLength', test: (password: string) => password.length >= 8, messageKey: 'passwordPolicy.rule.minLength', values: { count: 8 } },
  { id: 'number', test: (password: string) => /\d/.test(password), messageKey: 'passwordPolicy.rule.number' },
];

describe('PasswordField', () => {
  afterEach(async () => {
    cleanup(); // unmount first: nothing is left to re-render when English comes back
    await setLanguage('en', { remember: false });
  });

  it('starts hidden; its toggle says what it does, Show then Hide, named after the field', async () => {
    const user = userEvent.setup();
    render(<PasswordField label="Current password" autoComplete="current-password" />);
    const input = screen.getByLabelText('Current password');
    const toggle = screen.getByRole('button', { name: 'Show Current password' });
    expect(input).toHaveAttribute('type', 'password');
    expect(toggle).toHaveTextContent(/^Show$/);
    expect(toggle).toHaveAttribute('type', 'button');
    expect(toggle).toHaveAttribute('aria-controls', input.id);
    // Its name changes with what it does, so it is not also a pressed/not pressed toggle.
    expect(toggle).not.toHaveAttribute('aria-pressed');
    await user.click(toggle);
    expect(input).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAccessibleName('Hide Current password');
    expect(toggle).toHaveTextContent(/^Hide$/);
    expect(toggle).toHaveFocus();
    await user.click(toggle);
    expect(input).toHaveAttribute('type', 'password');
    expect(toggle).toHaveAccessibleName('Show Current password');
  });

  it('says Show and Hide in Japanese and Chinese too', async () => {
    const user = userEvent.setup();
    await setLanguage('ja', { remember: false });
    const { unmount } = render(<PasswordField label="新しいパスワード" autoComplete="new-password" />);
    const toggle = screen.getByRole('button', { name: '新しいパスワードを表示' });
    expect(toggle).toHaveTextContent(/^表示$/);
    await user.click(toggle);
    expect(toggle).toHaveAccessibleName('新しいパスワードを非表示');
    expect(toggle).toHaveTextContent(/^非表示$/);
    unmount();
    await setLanguage('zh-CN', { remember: false });
    render(<PasswordField label="新密码" autoComplete="new-password" />);
    await user.click(screen.getByRole('button', { name: '显示新密码' }));
    expect(screen.getByRole('button', { name: '隐藏新密码' })).toHaveTextContent(/^隐藏$/);
  });

  it('tells a screen reader whether the password is now shown or hidden', async () => {
    const user = userEvent.setup();
    render(
      <AnnouncerProvider>
        <PasswordField label="New password" autoComplete="new-password" />
      </AnnouncerProvider>,
    );
    const region = document.getElementById('app-announcer');
    await user.click(screen.getByRole('button', { name: 'Show New password' }));
    await waitFor(() => expect(region).toHaveTextContent('New password is shown.'));
    await user.click(screen.getByRole('button', { name: 'Hide New password' }));
    await waitFor(() => expect(region).toHaveTextContent('New password is hidden.'));
  });

  it('keeps the autocomplete hint password managers rely on', () => {
    render(<PasswordField label="New password" autoComplete="new-password" />);
    expect(screen.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('New password')).toHaveAttribute('spellcheck', 'false');
  });

  it('hides the password again when its form is submitted', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn((event: React.FormEvent) => event.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <PasswordField label="Password" autoComplete="current-password" />
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Show Password' }));
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'text');
    fireEvent.submit(screen.getByLabelText('Password').closest('form') as HTMLFormElement);
    expect(onSubmit).toHaveBeenCalled();
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Show Password' })).toHaveTextContent(/^Show$/);
  });

  it('shows the checklist under a new password and points the input at it', () => {
    render(<PasswordField label="New password" autoComplete="new-password" checklist={{ rules, password: '' }} error="The password is too short." />);
    const input = screen.getByLabelText('New password');
    expect(screen.getByRole('list', { name: 'Your password must have:' })).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(
      'The password is too short. Your password must have: At least 8 characters, not yet A number (0–9), not yet',
    );
  });

  it('passes the ref through to the input', () => {
    const ref = vi.fn();
    render(<PasswordField label="Password" autoComplete="current-password" ref={ref} />);
    expect(ref).toHaveBeenCalledWith(screen.getByLabelText('Password'));
  });
});
