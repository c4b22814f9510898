import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { passwordRules } from '../config';
import { PasswordPolicyChecklist } from './password-policy-checklist';

const policy = { minimumLength: 10, requireUppercase: true, requireLowercase: false, requireNumbers: true, requireSymbols: false };

function items() {
  return within(screen.getByRole('list', { name: 'Your password must have:' })).getAllByRole('listitem');
}

describe('PasswordPolicyChecklist', () => {
  it('lists the policy in order before anything is typed, every rule unmet', () => {
    render(<PasswordPolicyChecklist id="policy" rules={passwordRules(policy)} password="" />);
    expect(items().map((item) => item.textContent)).toEqual([
      '○ At least 10 characters, not yet',
      '○ An uppercase letter (A–Z), not yet',
      '○ A number (0–9), not yet',
    ]);
  });

  it('ticks off the rules the password meets, in words and with a mark, not by colour alone', () => {
    render(<PasswordPolicyChecklist id="policy" rules={passwordRules(policy)} password="Abcdefghij" />);
    const [length, uppercase, number] = items();
    expect(length).toHaveTextContent('✓ At least 10 characters, done');
    expect(length).toHaveAttribute('data-met', 'true');
    expect(uppercase).toHaveTextContent('✓ An uppercase letter (A–Z), done');
    expect(number).toHaveTextContent('○ A number (0–9), not yet');
    expect(number).toHaveAttribute('data-met', 'false');
  });

  it('follows the password as it changes', () => {
    const { rerender } = render(<PasswordPolicyChecklist id="policy" rules={passwordRules(policy)} password="A1" />);
    expect(items()[2]).toHaveTextContent('done');
    rerender(<PasswordPolicyChecklist id="policy" rules={passwordRules(policy)} password="A" />);
    expect(items()[2]).toHaveTextContent('not yet');
  });

  it('keeps quiet: no live region, and the marks are hidden from assistive technology', () => {
    const { container } = render(<PasswordPolicyChecklist id="policy" rules={passwordRules(policy)} password="A1" />);
    expect(container.querySelector('[aria-live], [role="status"], [role="alert"]')).toBeNull();
    for (const mark of container.querySelectorAll('.policy-checklist__mark')) {
      expect(mark).toHaveAttribute('aria-hidden', 'true');
    }
  });
});
