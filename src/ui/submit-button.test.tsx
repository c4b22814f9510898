import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { useSingleFlightSubmit } from './single-flight-submit';
import { SubmitButton } from './submit-button';

describe('SubmitButton', () => {
  it('is an enabled submit button with its label while idle', () => {
    render(<SubmitButton pending={false} pendingLabel="Saving…">Save</SubmitButton>);
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toHaveAttribute('type', 'submit');
    expect(button).toBeEnabled();
    expect(button).not.toHaveAttribute('aria-busy');
  });

  it('is disabled and says what is happening while pending', () => {
    render(<SubmitButton pending pendingLabel="Saving…">Save</SubmitButton>);
    const button = screen.getByRole('button', { name: 'Saving…' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
  });
});

function SlowForm({ send }: { send: () => Promise<void> }) {
  const form = useForm();
  const submit = useSingleFlightSubmit(form.handleSubmit(send));
  return (
    <form onSubmit={submit}>
      <input aria-label="Name" />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

describe('useSingleFlightSubmit', () => {
  it('drops submits while one is running and accepts the next one afterwards', async () => {
    const user = userEvent.setup();
    const finishers: (() => void)[] = [];
    const send = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
    render(<SlowForm send={send} />);
    await user.dblClick(screen.getByRole('button', { name: 'Save' }));
    await user.type(screen.getByLabelText('Name'), '{Enter}');
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    finishers[0]?.();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    finishers[1]?.();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
  });
});
