import { useState, type FormEvent } from 'react';

/** What to say when a request failed: the server's `title` (an `HttpError`'s message), else the generic text. */
export const errorMessage = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'ra.notification.http_error';

/**
 * One request at a time, from a form or a button: `busy` while it runs, `error` (the server's words or
 * a translation key) when it failed. `onError` sees the failure first (e.g. to go back a step).
 */
export function useAction(onError?: (error: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      onError?.(caught);
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  /** A form's `onSubmit`: no page load, and `work` gets the submitted fields. */
  const submit = (work: (form: FormData) => Promise<unknown>) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(() => work(form));
  };

  return { busy, error, setError, run, submit };
}
