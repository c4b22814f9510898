import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PasswordField } from './password-field';

const rules = [
  { id: 'minLength', test: (password: string) => password.length >= 8, messageKey: 'passwordPolicy.rule.minLength', values: { count: 8 } },
  { id: 'number', test: (password: string) => /\d/.test(password), messageKey: 'passwordPolicy.rule.number' },
];

describe('PasswordField', () => {
  it('starts hidden and toggles with a pressed button named after the field', async () => {
    const user = userEvent.setup();
    render(<PasswordField label="Current password" autoComplete="current-password" />);
    const input = screen.getByLabelText('Current password');
    const toggle = screen.getByRole('button', { name: 'Show Current password' });
    expect(input).toHaveAttribute('type', 'password');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(toggle).toHaveAttribute('type', 'button');
    expect(toggle).toHaveAttribute('aria-controls', input.id);
    await user.click(toggle);
    expect(input).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(input).toHaveAttribute('type', 'password');
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
    expect(screen.getByRole('button', { name: 'Show Password' })).toHaveAttribute('aria-pressed', 'false');
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
