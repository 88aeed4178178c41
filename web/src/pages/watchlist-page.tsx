import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { apiPath } from '../api-client.ts';
import type { TiltBody, TiltRow } from '../api-types.ts';
import { DataTable } from '../components/data-table.tsx';
import { LiveBadge } from '../components/live-badge.tsx';
import { Empty, Loaded } from '../components/state-views.tsx';
import { count, money, percent, price } from '../format.ts';
import { Link, navigate } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { useSignalStream } from '../use-signal-stream.ts';

const KEY = 'sm-watchlist';
/** Seed 003's example watchlist, the starting point until the user saves their own. */
const STARTER = ['SPY', 'QQQ', 'IWM', 'NVDA', 'TSLA', 'AAPL'];
const SYMBOL = /^\^?[A-Z0-9][A-Z0-9._-]{0,19}$/;

/** Symbols from typed or pasted text: separated by commas, spaces or new lines; upper-cased, each once. */
export function parseSymbols(text: string): { symbols: string[]; invalid: string[] } {
  const symbols: string[] = [], invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const s = raw.trim().toUpperCase();
    if (s === '') continue;
    if (!SYMBOL.test(s)) invalid.push(raw);
    else if (!symbols.includes(s)) symbols.push(s);
  }
  return { symbols, invalid };
}

function loadList(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
    if (Array.isArray(saved) && saved.every((x) => typeof x === 'string')) return saved as string[];
  } catch {
    // unreadable: start over
  }
  return STARTER;
}

const col = createColumnHelper<TiltRow>();
const columns = [
  col.accessor('rank', { header: '#', meta: { numeric: true } }),
  col.accessor('symbol', { header: 'Symbol', cell: (c) => <Link to={`/symbol/${encodeURIComponent(c.getValue())}`} className="symbol-link">{c.getValue()}</Link> }),
  col.accessor('tilt', { header: 'Tilt', cell: (c) => <span className={`tag tilt-${c.getValue()}`}>{c.getValue()}{c.row.original.tilt_strength === 'strong' && c.getValue() !== 'noise' ? ' (strong)' : ''}</span> }),
  col.accessor('net_directional_premium', { header: 'Net premium', meta: { numeric: true }, cell: (c) => <span className={c.getValue() >= 0 ? 'pos' : 'neg'}>{money(c.getValue())}</span> }),
  col.accessor('net_premium_per_underlying_dollar', { header: 'Net ÷ price', meta: { numeric: true }, sortUndefined: 'last', cell: (c) => { const v = c.getValue(); return v === null ? '—' : count(Math.round(v)); } }),
  col.accessor('bullish_premium', { header: 'Bullish', meta: { numeric: true }, cell: (c) => money(c.getValue()) }),
  col.accessor('bearish_premium', { header: 'Bearish', meta: { numeric: true }, cell: (c) => money(c.getValue()) }),
  col.accessor('opening_share', { header: 'Opening share', meta: { numeric: true }, cell: (c) => percent(c.getValue()) }),
  col.accessor('signal_count', { header: 'Signals', meta: { numeric: true } }),
  col.accessor('underlying_price', { header: 'Price', meta: { numeric: true }, cell: (c) => price(c.getValue()) }),
  col.accessor((r) => r.top_signal?.contract ?? '', {
    id: 'top', header: 'Top signal', enableSorting: false,
    cell: (c) => { const t = c.row.original.top_signal; return t === null ? '—' : <span><span className="mono">{t.contract}</span> <span className={`tag intent-${t.intent}`}>{t.intent}</span> {t.score} · {money(t.premium)}</span>; },
  }),
] as ColumnDef<TiltRow, never>[];

/** `/watchlist`: seed 003's tilt scanner over the user's symbols (saved in this browser). */
export function WatchlistPage() {
  const [list, setList] = useState<string[]>(loadList);
  const [text, setText] = useState(() => list.join(', '));
  const [invalid, setInvalid] = useState<string[]>([]);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(list));
    } catch {
      // storage blocked: the list lasts for this visit
    }
  }, [list]);
  const save = (e: FormEvent) => {
    e.preventDefault();
    const p = parseSymbols(text);
    setInvalid(p.invalid);
    setList(p.symbols);
    setText(p.symbols.join(', '));
  };
  const { state, reload } = useApi<TiltBody>(list.length === 0 ? null : apiPath('/v1/flow/tilt', { symbols: list.join(',') }));
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (state.kind === 'ok') setUpdatedAt(new Date());
  }, [state]);
  const onEvent = useCallback(() => reload(), [reload]);
  const symbols = useMemo(() => list, [list]);
  const stream = useSignalStream(symbols.length === 0 ? [] : symbols, onEvent, 2000);
  return (
    <div className="page">
      <header className="page-head">
        <h1>Watchlist tilt</h1>
        <LiveBadge stream={stream} lastUpdate={updatedAt} />
      </header>
      <form className="watchlist-form" onSubmit={save} aria-label="watchlist">
        <label htmlFor="watchlist-symbols">Symbols (type or paste; commas, spaces or lines)</label>
        <textarea id="watchlist-symbols" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="primary">Scan</button>
        {invalid.length === 0 ? null : <p className="state-error" role="alert">Not symbols, left out: {invalid.join(', ')}</p>}
      </form>
      <p className="muted small">Ranked by net directional premium ÷ underlying price (seed 003); names under the $250K noise threshold come last.</p>
      {list.length === 0 ? <Empty>Add symbols to scan.</Empty> : (
        <Loaded state={state} what="The tilt scan" onRetry={reload}>
          {(b) => (
            <>
              {b.ranked.length === 0 ? <Empty>None of these symbols has prints on this server.</Empty> : (
                <DataTable data={b.ranked} columns={columns} label="watchlist ranked by tilt" testId="watchlist-table" rowId={(r) => r.symbol}
                  initialSorting={[{ id: 'rank', desc: false }]} onOpen={(r) => navigate(`/symbol/${encodeURIComponent(r.symbol)}`)} />
              )}
              {b.unknown_symbols.length === 0 ? null : <p className="muted">No prints for: {b.unknown_symbols.join(', ')}</p>}
            </>
          )}
        </Loaded>
      )}
    </div>
  );
}
