import { useRef, useState, type BaseSyntheticEvent, type ChangeEvent } from 'react';
// Types only (erased from the build): the form's errors have react-hook-form's shapes, so form-errors.ts serves both.
import type { ErrorOption, FieldError, FieldErrors, UseFormSetError, UseFormSetFocus } from 'react-hook-form';
import type { z } from 'zod/mini';

type TextValues = Record<string, string>;

/** What `register(name)` spreads onto an `<input>`: uncontrolled, like react-hook-form's. */
export interface LightFieldProps {
  name: string;
  defaultValue: string;
  ref: (element: HTMLInputElement | null) => void;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

export interface LightForm<TValues extends TextValues, TOutput> {
  register(name: keyof TValues & string, options?: { onChange?: (event: ChangeEvent<HTMLInputElement>) => void }): LightFieldProps;
  handleSubmit(onValid: (values: TOutput) => Promise<void>): (event?: BaseSyntheticEvent) => Promise<void>;
  formState: { errors: FieldErrors<TValues>; isSubmitting: boolean };
  setValue(name: keyof TValues & string, value: string): void;
  setError: UseFormSetError<TValues>;
  setFocus: UseFormSetFocus<TValues>;
}

type Checked<TOutput> = { valid: true; output: TOutput; errors: Record<string, FieldError> } | { valid: false; errors: Record<string, FieldError> };

/** Each field's first issue, as react-hook-form's zod resolver reports it: `{ type: code, message }`. */
async function validate<TOutput>(schema: z.ZodMiniType<TOutput>, values: TextValues): Promise<Checked<TOutput>> {
  const result = await schema.safeParseAsync(values);
  if (result.success) return { valid: true, output: result.data, errors: {} };
  const errors: Record<string, FieldError> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= { type: issue.code, message: issue.message };
  }
  return { valid: false, errors };
}

/**
 * The part of react-hook-form (with its zod resolver) that a form of a few text inputs uses, for the sign-in form:
 * the first screen then does not carry react-hook-form (12.7 KB gzip), which every other form still uses
 * from its own chunk. It behaves as `useForm({ resolver: zodResolver(schema), defaultValues })` does with its
 * defaults: uncontrolled inputs; the schema checks every field on submit, errors replace the previous ones
 * (`root` errors included) and the first invalid field, in `defaultValues` order, takes focus; after the first
 * submit, a change re-checks and updates that field's error alone; `isSubmitting` is set before the schema
 * runs and cleared once the submit handler has finished. See
 * docs/decisions/011-first-page-without-react-hook-form-in-one-chunk.md.
 */
export function useLightForm<TValues extends TextValues, TOutput>({
  schema,
  defaultValues,
}: {
  schema: z.ZodMiniType<TOutput>;
  defaultValues: TValues;
}): LightForm<TValues, TOutput> {
  const [errors, setErrors] = useState<FieldErrors<TValues>>({});
  const [isSubmitting, setIsSubmitting] = useState(false);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const submitted = useRef(false);
  const names = () => Object.keys(defaultValues);
  const currentValues = (): TextValues =>
    Object.fromEntries(names().map((name) => [name, inputs.current.get(name)?.value ?? defaultValues[name] ?? '']));
  const focus = (name: string) => inputs.current.get(name)?.focus();

  const setError: UseFormSetError<TValues> = (name, error: ErrorOption, options) => {
    const [head, key] = name.split('.', 2) as [string, string | undefined];
    setErrors((previous) => {
      const next: Record<string, unknown> = { ...previous };
      next[head] = key === undefined ? { ...error } : { ...(previous[head] as object | undefined), [key]: { ...error } };
      return next as FieldErrors<TValues>;
    });
    if (options?.shouldFocus) focus(name);
  };

  return {
    register(name, options) {
      return {
        name,
        defaultValue: defaultValues[name] ?? '',
        ref: (element) => {
          if (element) inputs.current.set(name, element);
          else inputs.current.delete(name);
        },
        onChange: (event) => {
          options?.onChange?.(event);
          if (!submitted.current) return;
          void validate(schema, currentValues()).then(({ errors: checked }) => {
            setErrors((previous) => {
              const next: Record<string, unknown> = { ...previous };
              if (checked[name]) next[name] = checked[name];
              else delete next[name];
              return next as FieldErrors<TValues>;
            });
          });
        },
      };
    },
    handleSubmit(onValid) {
      return async (event) => {
        event?.preventDefault();
        setIsSubmitting(true);
        try {
          const checked = await validate(schema, currentValues());
          setErrors(checked.errors as FieldErrors<TValues>);
          if (!checked.valid) {
            const first = names().find((name) => checked.errors[name]);
            if (first) focus(first);
            return;
          }
          await onValid(checked.output);
        } finally {
          submitted.current = true;
          setIsSubmitting(false);
        }
      };
    },
    formState: { errors, isSubmitting },
    setValue(name, value) {
      const input = inputs.current.get(name);
      if (input) input.value = value;
    },
    setError,
    setFocus: (name) => {
      setTimeout(() => focus(name));
    },
  };
}
