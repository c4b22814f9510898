import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { useLightForm } from './light-form';

const schema = z.object({
  name: z.string().check(z.overwrite((value) => value.trim()), z.minLength(1, 'nameRequired')),
  code: z.string().check(z.regex(/^\d{3}$/, 'codeFormat')),
});

/** A form as the sign-in form uses the hook: errors shown under each field, a root error above. */
function TestForm({ onValid, initialName = '' }: { onValid: (values: z.output<typeof schema>) => Promise<void>; initialName?: string }) {
  const form = useLightForm<{ name: string; code: string }, z.output<typeof schema>>({
    schema,
    defaultValues: { name: initialName, code: '' },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (values) => {
          await onValid(values);
          if (values.code === '999') {
            form.setValue('code', '');
            form.setError('root.server', { type: 'server', message: 'refused' });
            form.setFocus('code');
          }
          if (values.code === '998') form.setError('code', { type: 'server', message: 'wrongCode' }, { shouldFocus: true });
        })(event)
      }
    >
      <p data-testid="root">{errors.root?.server?.message}</p>
      <label>
        Name
        <input {...form.register('name')} aria-description={errors.name?.message} />
      </label>
      <label>
        Code
        <input {...form.register('code')} aria-description={errors.code?.message} />
      </label>
      <button type="submit">{isSubmitting ? 'Sending' : 'Send'}</button>
    </form>
  );
}

const field = (name: string) => screen.getByRole('textbox', { name });

describe('useLightForm', () => {
  it('fills the inputs with the default values and submits what the schema makes of them', async () => {
    const onValid = vi.fn(async () => {});
    const user = userEvent.setup();
    render(<TestForm onValid={onValid} initialName="  Ada " />);
    expect(field('Name')).toHaveValue('  Ada ');
    expect(field('Name')).toHaveAttribute('name', 'name');
    await user.type(field('Code'), '123');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onValid).toHaveBeenCalledExactlyOnceWith({ name: 'Ada', code: '123' }));
  });

  it('checks every field on submit, focuses the first invalid one and calls nothing', async () => {
    const onValid = vi.fn(async () => {});
    const user = userEvent.setup();
    render(<TestForm onValid={onValid} />);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(field('Name')).toHaveFocus());
    expect(field('Name')).toHaveAccessibleDescription('nameRequired');
    expect(field('Code')).toHaveAccessibleDescription('codeFormat');
    expect(onValid).not.toHaveBeenCalled();
  });

  it('re-checks a field as it changes once the form has been submitted, and only that field', async () => {
    const user = userEvent.setup();
    render(<TestForm onValid={async () => {}} />);
    await user.type(field('Code'), '1');
    expect(field('Code')).not.toHaveAccessibleDescription();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(field('Code')).toHaveAccessibleDescription('codeFormat'));
    await user.type(field('Code'), '23');
    await waitFor(() => expect(field('Code')).not.toHaveAccessibleDescription());
    // The name's error stays until the name itself changes.
    expect(field('Name')).toHaveAccessibleDescription('nameRequired');
    await user.type(field('Name'), 'A');
    await waitFor(() => expect(field('Name')).not.toHaveAccessibleDescription());
  });

  it('shows the pending state before the submit handler runs and until it has finished', async () => {
    let finish: () => void = () => {};
    let labelWhenCalled = '';
    const user = userEvent.setup();
    render(
      <TestForm
        onValid={() => {
          labelWhenCalled = screen.getByRole('button').textContent ?? '';
          return new Promise((resolve) => (finish = resolve));
        }}
        initialName="Ada"
      />,
    );
    await user.type(field('Code'), '123');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(labelWhenCalled).toBe('Sending'));
    expect(screen.getByRole('button')).toHaveTextContent('Sending');
    finish();
    await waitFor(() => expect(screen.getByRole('button')).toHaveTextContent('Send'));
  });

  it('keeps errors the handler sets, clears the root error on the next submit, and sets and focuses fields', async () => {
    const user = userEvent.setup();
    render(<TestForm onValid={async () => {}} initialName="Ada" />);
    await user.type(field('Code'), '999');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByTestId('root')).toHaveTextContent('refused'));
    expect(field('Code')).toHaveValue('');
    await waitFor(() => expect(field('Code')).toHaveFocus());

    await user.type(field('Code'), '998');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(field('Code')).toHaveAccessibleDescription('wrongCode'));
    expect(screen.getByTestId('root')).toBeEmptyDOMElement();
    expect(field('Code')).toHaveFocus();
    // A change re-checks the field: the server's error goes once the value is one the schema accepts.
    await user.clear(field('Code'));
    await user.type(field('Code'), '123');
    await waitFor(() => expect(field('Code')).not.toHaveAccessibleDescription());
  });
});
