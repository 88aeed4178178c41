import { useEffect, useRef, useState } from 'react';
import { withApiKey } from './api-key.ts';

export type StreamStatus = 'connecting' | 'live' | 'paused' | 'reconnecting' | 'unavailable';

export interface SignalStream {
  readonly status: StreamStatus;
  /** When the last event arrived (browser clock), or null before any. */
  readonly lastEventAt: Date | null;
  readonly events: number;
  readonly paused: boolean;
  readonly setPaused: (paused: boolean) => void;
}

/** The stream's event names (docs/api.md): new signals, changed summaries, changed conviction rows (options or equity prints). */
const EVENTS = ['signal', 'summary', 'conviction'] as const;

/**
 * Follows `GET /v1/stream/signals?symbols=…` (docs/api.md "Signal stream"; null = every symbol) with the
 * browser's EventSource, which reconnects and resumes by Last-Event-ID by itself. `onEvent` is called at most
 * once per `throttleMs` (the last call of a burst always runs), so a page can re-read its bodies on every event
 * without hammering the server. Pausing closes the connection; resuming opens a new one.
 */
export function useSignalStream(symbols: readonly string[] | null, onEvent: (event: string, data: string) => void, throttleMs = 1000): SignalStream {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [lastEventAt, setLastEventAt] = useState<Date | null>(null);
  const [events, setEvents] = useState(0);
  const [paused, setPaused] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = symbols === null ? null : symbols.join(',');
  useEffect(() => {
    if (paused) {
      setStatus('paused');
      return;
    }
    if (key === '') return;
    setStatus('connecting');
    const source = new EventSource(withApiKey(key === null ? '/v1/stream/signals' : `/v1/stream/signals?symbols=${encodeURIComponent(key)}`));
    let timer: number | null = null;
    let lastRun = 0;
    let pending: { event: string; data: string } | null = null;
    const flush = () => {
      timer = null;
      lastRun = Date.now();
      if (pending !== null) {
        const p = pending;
        pending = null;
        handler.current(p.event, p.data);
      }
    };
    const onMessage = (e: MessageEvent<string>) => {
      setLastEventAt(new Date());
      setEvents((n) => n + 1);
      setStatus('live');
      pending = { event: e.type, data: e.data };
      if (timer !== null) return;
      const wait = Math.max(0, lastRun + throttleMs - Date.now());
      timer = window.setTimeout(flush, wait);
    };
    for (const name of EVENTS) source.addEventListener(name, onMessage);
    source.onopen = () => setStatus('live');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'unavailable' : 'reconnecting');
    return () => {
      source.close();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [key, paused, throttleMs]);
  return { status, lastEventAt, events, paused, setPaused };
}
