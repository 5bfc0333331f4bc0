// Data loading with polling: refetch every `intervalMs` while the tab is visible, keep showing the last
// good data when a poll fails, and say when it was last updated.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Polled<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  updatedAt: number | null;
  reload: () => Promise<void>;
}

export function usePoll<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  intervalMs: number | null,
): Polled<T> {
  const [state, setState] = useState<{
    data: T | null;
    error: string | null;
    loading: boolean;
    updatedAt: number | null;
  }>({
    data: null,
    error: null,
    loading: true,
    updatedAt: null,
  });
  const ctrl = useRef<AbortController | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    ctrl.current?.abort();
    const ac = new AbortController();
    ctrl.current = ac;
    try {
      const data = await loadRef.current(ac.signal);
      if (!ac.signal.aborted) setState({ data, error: null, loading: false, updatedAt: Date.now() });
    } catch (e) {
      if (ac.signal.aborted) return;
      const message = e instanceof Error ? e.message : String(e);
      setState((s) => ({ ...s, error: message, loading: false }));
    }
  }, []);

  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    void reload();
    if (intervalMs === null) return () => ctrl.current?.abort();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, intervalMs);
    return () => {
      clearInterval(timer);
      ctrl.current?.abort();
    };
  }, deps);

  return { ...state, reload };
}

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Closeloop console`;
  }, [title]);
}
