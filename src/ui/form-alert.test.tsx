import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FormAlert } from './form-alert';
import { Notice } from './notice';

describe('FormAlert', () => {
  it('is an alert region that is present, and empty, before there is anything to say', () => {
    const { rerender } = render(<FormAlert />);
    const region = screen.getByRole('alert');
    expect(region).toBeEmptyDOMElement();
    rerender(<FormAlert message="Too many attempts." />);
    // The same element: a live region that already exists is the one assistive technology announces.
    expect(screen.getByRole('alert')).toBe(region);
    expect(region).toHaveTextContent('Too many attempts.');
  });
});

describe('Notice', () => {
  it('is a polite status region that announces a message inserted later', () => {
    const { rerender } = render(<Notice />);
    const region = screen.getByRole('status');
    expect(region).toBeEmptyDOMElement();
    rerender(<Notice message="Your password has been changed." />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Your password has been changed.');
  });
});
