import { useCallback, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage, knownCodeMessage } from './errors.ts';

type Errors<T> = Partial<Record<keyof T & string, string>>;

/**
 * A small controlled-form helper: values, per-field errors and one form-level message. A refused
 * request's problem+json `errors[]` land on the inputs they name; whatever names no input (or has no
 * field at all) is shown above the form, so no server message is ever lost.
 */
export function useForm<T extends object>(initial: T) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Errors<T>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const setValue = useCallback(<K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  }, []);

  const setFieldError = useCallback((field: keyof T & string, message: string) => {
    setErrors((e) => ({ ...e, [field]: message }));
  }, []);

  const reset = useCallback((next?: T) => {
    setValues(next ?? initial);
    setErrors({});
    setFormError(null);
    // `initial` is the first render's value on purpose: reset() without argument returns to it.
  }, []);

  /** Puts an API refusal on the fields it names; returns true when something was shown. */
  const applyError = useCallback(
    (error: unknown) => {
      const fieldErrors: Errors<T> = {};
      const unplaced: string[] = [];
      if (error instanceof ApiError) {
        // A refusal with a known code (wrong password, e-mail taken…) reads better in the user's language.
        const known = knownCodeMessage(t, error);
        for (const e of error.errors) {
          // "uploads.maxMb" may name the input "uploads.maxMb", "maxMb" or "uploads".
          const parts = e.field.split('.');
          const key = [e.field, parts[parts.length - 1], parts[0]].find((k) => k in initial);
          if (key) fieldErrors[key as keyof T & string] = known ?? e.message;
          else unplaced.push(e.message);
        }
      }
      setErrors(fieldErrors);
      const placed = Object.keys(fieldErrors).length > 0;
      setFormError(!placed || unplaced.length ? errorMessage(t, error) : null);
      return true;
    },
    [initial, t],
  );

  /** Props for inputs whose onChange gives an event (TextInput, PasswordInput, Textarea). */
  const text = (key: keyof T & string) => ({
    value: (values[key] as string | null | undefined) ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValue(key, e.currentTarget.value as T[typeof key]),
    error: errors[key],
  });

  /** Props for inputs whose onChange gives the value (Select, MultiSelect, NumberInput, SegmentedControl). */
  const field = <K extends keyof T & string>(key: K) => ({
    value: values[key],
    onChange: (value: T[K]) => setValue(key, value),
    error: errors[key],
  });

  return { values, setValues, setValue, errors, setErrors, setFieldError, formError, setFormError, reset, applyError, text, field };
}
