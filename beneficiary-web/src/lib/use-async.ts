import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: unknown };

/**
 * Runs `load` on mount and whenever `deps` change; `reload()` runs it again keeping the previous
 * data on screen meanwhile; `setData` applies a local change (after a mutation) without a request.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', ...(previous.data === undefined ? {} : { data: previous.data }) }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState((previous) => ({
            status: 'error',
            error,
            ...(previous.data === undefined ? {} : { data: previous.data }),
          }));
        }
      },
    );
    return () => controller.abort();
    // The caller lists what `load` depends on in `deps`.
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((update: (data: T) => T) => {
    setState((previous) => (previous.data === undefined ? previous : { status: 'ready', data: update(previous.data) }));
  }, []);
  return { ...state, reload, setData };
}
