import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { useCallback, useEffect, useState } from 'react';
import { apiPath } from '../api-client.ts';
import type { LeaderboardBody, LeaderboardRow } from '../api-types.ts';
import { ScoreBar } from '../components/bars.tsx';
import { ConvictionBreakdown } from '../components/conviction-breakdown.tsx';
import { DataTable } from '../components/data-table.tsx';
import { LiveBadge } from '../components/live-badge.tsx';
import { Empty, Loaded } from '../components/state-views.tsx';
import { count, money, nyDateTime } from '../format.ts';
import { Link, type Location, navigate, setSearch } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { useSignalStream } from '../use-signal-stream.ts';

const col = createColumnHelper<LeaderboardRow>();
const sub = (key: 'options_flow' | 'dark_pool' | 'alert_cluster' | 'greek_positioning', header: string) =>
  // Null (no dark pool or Greek data for the symbol) reads as undefined so that it sorts last either way.
  col.accessor((r) => r[key] ?? undefined, {
    id: key, header, meta: { numeric: true }, sortUndefined: 'last',
    cell: (c) => <ScoreBar value={c.getValue() ?? null} label={`${header} ${c.getValue() ?? 'not available'}`} />,
  });

/** Seed 000's columns, in its order. */
const columns = [
  col.accessor('rank', { header: '#', meta: { numeric: true } }),
  col.accessor('symbol', { header: 'Symbol', cell: (c) => <Link to={`/symbol/${encodeURIComponent(c.getValue())}`} className="symbol-link">{c.getValue()}</Link> }),
  col.accessor('direction', { header: 'Direction', cell: (c) => <span className={`tag intent-${c.getValue()}`}>{c.getValue()}</span> }),
  col.accessor('score', { header: 'Score', meta: { numeric: true }, cell: (c) => <ScoreBar value={c.getValue()} label={`score ${c.getValue()}`} /> }),
  sub('options_flow', 'Options Flow'),
  sub('dark_pool', 'Dark Pool'),
  sub('alert_cluster', 'Alert Cluster'),
  sub('greek_positioning', 'Greek Pos.'),
  col.accessor('total_premium', { header: 'Total Premium', meta: { numeric: true }, cell: (c) => money(c.getValue()) }),
  col.accessor('dp_premium', { header: 'DP Premium', meta: { numeric: true }, cell: (c) => money(c.getValue()) }),
  col.accessor('alerts', { header: 'Alerts', meta: { numeric: true }, cell: (c) => count(c.getValue()) }),
  col.accessor((r) => r.change?.score ?? null, {
    id: 'change', header: 'Change', meta: { numeric: true }, sortUndefined: 'last',
    cell: (c) => {
      const ch = c.row.original.change;
      if (ch === null) return <span className="muted" title="no previous day">—</span>;
      const v = ch.score;
      return (
        <span className={v > 0 ? 'pos' : v < 0 ? 'neg' : ''} title={`previous day ${ch.previous_score} (${ch.previous_direction})`}>
          {v > 0 ? `+${v}` : v}{ch.direction_changed ? ' ⇄' : ''}
        </span>
      );
    },
  }),
] as ColumnDef<LeaderboardRow, never>[];

function Tiles({ b }: { b: LeaderboardBody }) {
  const s = b.tiles.sentiment;
  const total = s.bullish + s.bearish + s.neutral;
  const share = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  return (
    <section className="tiles" aria-label="the day in numbers" data-testid="tiles">
      <div className="tile tile-wide">
        <span className="tile-label">Sentiment</span>
        <span className="tile-value">{s.bullish} bullish · {s.bearish} bearish · {s.neutral} neutral</span>
        <span className="sentiment-bar" aria-hidden="true">
          <span className="bull" style={{ width: `${share(s.bullish)}%` }} /><span className="neutral" style={{ width: `${share(s.neutral)}%` }} /><span className="bear" style={{ width: `${share(s.bearish)}%` }} />
        </span>
      </div>
      <div className="tile"><span className="tile-label">Avg Score</span><span className="tile-value">{b.tiles.avg_score.toFixed(1)}</span></div>
      <div className="tile"><span className="tile-label">Symbols</span><span className="tile-value">{count(b.tiles.symbols)}</span></div>
      <div className="tile"><span className="tile-label">Total Premium</span><span className="tile-value">{money(b.tiles.total_premium)}</span></div>
      <div className="tile"><span className="tile-label">Dark Pool</span><span className="tile-value">{money(b.tiles.dp_premium)}</span></div>
      <div className="tile"><span className="tile-label">Alerts</span><span className="tile-value">{count(b.tiles.alerts)}</span></div>
    </section>
  );
}

/** `/`: seed 000's Smart Money Conviction leaderboard, live while prints arrive. */
export function LeaderboardPage({ location }: { location: Location }) {
  const date = location.search.get('date') ?? '';
  const direction = location.search.get('direction') ?? '';
  const { state, reload } = useApi<LeaderboardBody>(apiPath('/v1/smart-money/leaderboard', { date, direction, limit: 100 }));
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (state.kind === 'ok') setUpdatedAt(new Date());
  }, [state]);
  // Every stream event may change today's board; re-read it (at most every 2 s). A past day's body does not change.
  const onEvent = useCallback(() => reload(), [reload]);
  const stream = useSignalStream(null, onEvent, 2000);
  const shownDate = state.kind === 'ok' ? state.body.date : date;
  // The days with data, remembered from the last answer (a date without data answers 404 without the list).
  const [days, setDays] = useState<readonly string[]>([]);
  useEffect(() => {
    if (state.kind === 'ok' && state.body.days !== undefined) setDays(state.body.days);
  }, [state]);
  return (
    <div className="page">
      <header className="page-head">
        <h1>Smart Money Conviction</h1>
        <LiveBadge stream={stream} lastUpdate={updatedAt} />
      </header>
      <form className="filters" aria-label="leaderboard options" onSubmit={(e) => e.preventDefault()}>
        <label>Date
          {days.length > 0 ? (
            <select name="date" value={shownDate} onChange={(e) => setSearch({ date: e.target.value })}>
              {days.includes(shownDate) || shownDate === '' ? null : <option value={shownDate}>{shownDate}</option>}
              {[...days].reverse().map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
          ) : <input type="date" name="date" value={shownDate} onChange={(e) => setSearch({ date: e.target.value })} />}
        </label>
        <label>Direction
          <select name="direction" value={direction} onChange={(e) => setSearch({ direction: e.target.value })}>
            <option value="">all</option><option value="bullish">bullish</option><option value="bearish">bearish</option><option value="neutral">neutral</option>
          </select>
        </label>
        {date === '' ? null : <button type="button" onClick={() => setSearch({ date: null })}>Latest day</button>}
      </form>
      <Loaded state={state} what="The leaderboard" onRetry={reload}>
        {(b) => (
          <>
            <p className="muted" data-testid="as-of">{b.date} · {b.as_of === null ? 'no prints yet' : `as of ${nyDateTime(b.as_of)}`}</p>
            <Tiles b={b} />
            {b.rows.length === 0 ? <Empty>No conviction rows for {b.date}{direction === '' ? '' : ` (${direction})`}.</Empty> : (
              <DataTable data={b.rows} columns={columns} label="conviction leaderboard" testId="leaderboard-table" rowId={(r) => r.symbol}
                initialSorting={[{ id: 'rank', desc: false }]} onOpen={(r) => navigate(`/symbol/${encodeURIComponent(r.symbol)}`)}
                detail={(r) => <ConvictionBreakdown breakdown={r.breakdown} />} />
            )}
          </>
        )}
      </Loaded>
      {state.kind === 'not_available' ? <p className="muted">Meanwhile, the <Link to="/watchlist">watchlist</Link> ranks symbols by their options-flow tilt.</p> : null}
    </div>
  );
}
