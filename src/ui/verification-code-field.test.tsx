import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { VerificationCodeField } from './verification-code-field';

/** The field as the forms use it: registered with react-hook-form, whose value is what gets submitted. */
function CodeForm({ onSubmit }: { onSubmit: (values: { code: string }) => void }) {
  const form = useForm<{ code: string }>({ defaultValues: { code: '' } });
  return (
    <form onSubmit={form.handleSubmit(onSubmit)}>
      <VerificationCodeField label="Code" {...form.register('code')} />
      <button type="submit">Verify</button>
    </form>
  );
}

describe('VerificationCodeField', () => {
  it('asks phones for the number pad, browsers for a code just received, and takes six characters', () => {
    render(<VerificationCodeField label="Code" />);
    const field = screen.getByLabelText('Code');
    expect(field).toHaveAttribute('inputmode', 'numeric');
    expect(field).toHaveAttribute('pattern', '[0-9]*');
    expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    expect(field).toHaveAttribute('maxlength', '6');
  });

  it('drops a space typed between the groups, so all six digits fit', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<CodeForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Code'), '123 456');
    expect(screen.getByLabelText('Code')).toHaveValue('123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(onSubmit).toHaveBeenCalledWith({ code: '123456' }, expect.anything());
  });

  it('drops the spaces of a pasted code before the length limit could cut it', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<CodeForm onSubmit={onSubmit} />);
    await user.click(screen.getByLabelText('Code'));
    await user.paste(' 123 456\n');
    expect(screen.getByLabelText('Code')).toHaveValue('123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(onSubmit).toHaveBeenCalledWith({ code: '123456' }, expect.anything());
  });

  it('takes "123 456" inserted in one go (a drop, a keyboard suggestion) without its space', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<CodeForm onSubmit={onSubmit} />);
    const field = screen.getByLabelText('Code');
    field.focus();
    const insert = new InputEvent('beforeinput', { inputType: 'insertText', data: '123 456', bubbles: true, cancelable: true });
    act(() => {
      field.dispatchEvent(insert);
    });
    expect(insert.defaultPrevented).toBe(true);
    expect(field).toHaveValue('123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(onSubmit).toHaveBeenCalledWith({ code: '123456' }, expect.anything());
  });

  it('pastes a code without spaces as it is, and never more than six characters', async () => {
    const user = userEvent.setup();
    render(<CodeForm onSubmit={vi.fn()} />);
    await user.click(screen.getByLabelText('Code'));
    await user.paste('654321');
    expect(screen.getByLabelText('Code')).toHaveValue('654321');
    await user.clear(screen.getByLabelText('Code'));
    await user.paste('12 34 56 78');
    expect(screen.getByLabelText('Code')).toHaveValue('123456');
  });
});
