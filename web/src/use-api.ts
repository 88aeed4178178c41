import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiResult, getJson } from './api-client.ts';

export type Loadable<T> = { readonly kind: 'loading' } | ApiResult<T>;

/**
 * The body at `path`, re-read when `path` changes or `reload()` is called. While a re-read is under way the
 * previous answer stays on screen (no flash of "loading" on live updates); `refreshing` says one is running.
 * `path` null = nothing to read.
 */
export function useApi<T>(path: string | null): { state: Loadable<T>; reload: () => void; refreshing: boolean } {
  const [state, setState] = useState<Loadable<T>>({ kind: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [tick, setTick] = useState(0);
  const shownPath = useRef<string | null>(null);
  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    if (shownPath.current !== path) setState({ kind: 'loading' });
    setRefreshing(true);
    getJson<T>(path, abort.signal).then((r) => {
      // A read superseded while its body was being parsed must not overwrite the newer answer.
      if (abort.signal.aborted) return;
      shownPath.current = path;
      setState(r);
      setRefreshing(false);
    }, () => undefined);
    return () => abort.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { state, reload, refreshing };
}
