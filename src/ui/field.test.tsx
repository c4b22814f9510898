import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { Field } from './field';
import { UsernameField } from './username-field';

describe('Field', () => {
  it('labels its input', () => {
    render(<Field label="Username" name="username" />);
    expect(screen.getByRole('textbox', { name: 'Username' })).toHaveAttribute('name', 'username');
  });

  it('is valid and described by its hint while there is no error', () => {
    render(<Field label="Code" hint="The 6 digits from the message." />);
    const input = screen.getByLabelText('Code');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).toHaveAccessibleDescription('The 6 digits from the message.');
  });

  it('marks the input invalid and reads the error first, then the hint and any extra description', () => {
    render(
      <>
        <Field label="Code" hint="The 6 digits from the message." error="That code is not correct." describedBy="extra" />
        <p id="extra">Sent 1 minute ago.</p>
      </>,
    );
    const input = screen.getByLabelText('Code');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('That code is not correct. The 6 digits from the message. Sent 1 minute ago.');
  });

  it('gives each field its own ids', () => {
    render(
      <>
        <Field label="One" error="First error" />
        <Field label="Two" error="Second error" />
      </>,
    );
    expect(screen.getByLabelText('One')).toHaveAccessibleDescription('First error');
    expect(screen.getByLabelText('Two')).toHaveAccessibleDescription('Second error');
  });

  it('hands its input to the ref, so a form can focus it', () => {
    const ref = createRef<HTMLInputElement>();
    render(<Field label="Username" ref={ref} />);
    expect(ref.current).toBe(screen.getByLabelText('Username'));
  });
});

describe('UsernameField', () => {
  it('lets password managers fill it and keeps phones from changing what is typed', () => {
    const ref = createRef<HTMLInputElement>();
    render(<UsernameField label="Username" error="Enter your username." ref={ref} />);
    const input = screen.getByRole('textbox', { name: 'Username' });
    expect(input).toHaveAttribute('autocomplete', 'username');
    expect(input).toHaveAttribute('autocapitalize', 'none');
    expect(input).toHaveAttribute('autocorrect', 'off');
    expect(input).toHaveAttribute('spellcheck', 'false');
    expect(input).toHaveAccessibleDescription('Enter your username.');
    expect(ref.current).toBe(input);
  });
});
