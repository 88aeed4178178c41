import type { SignalStream } from '../use-signal-stream.ts';

const LABEL = { connecting: 'connecting…', live: 'live', paused: 'paused', reconnecting: 'reconnecting…', unavailable: 'live feed not available' } as const;

/** The stream's state (live / paused / …), the time of the last update and a pause/resume button. */
export function LiveBadge({ stream, lastUpdate }: { stream: SignalStream; lastUpdate: Date | null }) {
  return (
    <div className="live" data-testid="live">
      <span className={`live-dot live-${stream.status}`} aria-hidden="true" />
      <span className="live-status" data-testid="live-status">{LABEL[stream.status]}</span>
      <span className="muted">
        last update <time data-testid="last-update" dateTime={lastUpdate?.toISOString()}>
          {lastUpdate === null ? '—' : lastUpdate.toLocaleTimeString('en-US', { hour12: false })}
        </time>
      </span>
      <button type="button" onClick={() => stream.setPaused(!stream.paused)} aria-pressed={stream.paused}>
        {stream.paused ? 'Resume' : 'Pause'}
      </button>
    </div>
  );
}
