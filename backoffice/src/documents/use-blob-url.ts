import { useEffect, useState } from 'react';

/**
 * Loads a binary through the API (cookie + `X-Structure-Id`, which an <img src> cannot send) and
 * gives an object URL for it, revoked when the component goes away.
 */
export function useBlobUrl(load: ((signal: AbortSignal) => Promise<Blob>) | null, key: string) {
  const [state, setState] = useState<{ url: string | null; type: string | null; error: boolean }>({
    url: null,
    type: null,
    error: false,
  });
  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    let url: string | null = null;
    load(controller.signal)
      .then((blob) => {
        url = URL.createObjectURL(blob);
        setState({ url, type: blob.type, error: false });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ url: null, type: null, error: true });
      });
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
    // `key` names what `load` fetches; the function itself changes on every render.
  }, [key]);
  return state;
}
