import { useCallback, useEffect, useMemo, useState } from 'react';
import { apiPath } from '../api-client.ts';
import type {
  BarsBody, ConvictionHistoryBody, DarkPoolLevelsBody, GexBody, LevelsBody, MaxPainBody, SignalsBody, SummaryBody,
} from '../api-types.ts';
import { GexChart } from '../charts/gex-chart.tsx';
import { type ChartLevel, type PricePoint, PriceLevelsChart } from '../charts/price-levels-chart.tsx';
import { ConvictionChart } from '../charts/conviction-chart.tsx';
import { BreakdownLegend } from '../components/bars.tsx';
import { LiveBadge } from '../components/live-badge.tsx';
import { Empty, Loaded } from '../components/state-views.tsx';
import { count, money, nyDateTime, percent, price } from '../format.ts';
import { Link, type Location } from '../router.tsx';
import { cssColor } from '../theme.ts';
import { useApi } from '../use-api.ts';
import { useSignalStream } from '../use-signal-stream.ts';
import { SignalsTable } from './signals-table.tsx';
import { FILTER_KEYS, filtersFrom, SymbolFilters } from './symbol-filters.tsx';
import { SymbolSearch } from './symbol-search.tsx';

function SummaryCard({ s }: { s: SummaryBody }) {
  const read = s.tilt === 'noise' ? 'below the $250K noise threshold'
    : s.tilt === 'mixed' ? 'mixed: directional premium without opening dominance' : `${s.tilt_strength} ${s.tilt} tilt`;
  return (
    <section className="card summary" aria-label="summary and tilt" data-testid="summary">
      <h2>Tilt <span className={`tag tilt-${s.tilt}`}>{s.tilt}</span></h2>
      <p className="muted">{read} · as of {nyDateTime(s.as_of)} · {s.window_minutes}-minute window</p>
      <dl className="stats">
        <div><dt>Net directional</dt><dd className={s.net_directional_premium >= 0 ? 'pos' : 'neg'}>{money(s.net_directional_premium)}</dd></div>
        <div><dt>Bullish</dt><dd>{money(s.bullish_premium)}</dd></div>
        <div><dt>Bearish</dt><dd>{money(s.bearish_premium)}</dd></div>
        <div><dt>Opening</dt><dd>{money(s.opening_premium)}</dd></div>
        <div><dt>Closing</dt><dd>{money(s.closing_premium)}</dd></div>
        <div><dt>Opening share</dt><dd>{percent(s.opening_share)}</dd></div>
        <div><dt>Signals</dt><dd>{count(s.signal_count)}</dd></div>
        <div><dt>Price</dt><dd>{price(s.underlying_price)}</dd></div>
      </dl>
    </section>
  );
}

function DarkPoolLevels({ symbol, date }: { symbol: string; date: string | null }) {
  const { state } = useApi<DarkPoolLevelsBody>(apiPath(`/v1/darkpool/${symbol}/levels`, { date }));
  return (
    <section className="card" aria-label="dark pool levels">
      <h2>Dark pool levels</h2>
      <Loaded state={state} what="Dark pool levels">
        {(b) => {
          const day = b.days[0];
          if (day === undefined || day.levels.length === 0) return <Empty>No dark pool levels for {symbol}{day === undefined ? '' : ` on ${day.date}`}.</Empty>;
          return (
            <>
              <p className="muted small">{day.date} · off-exchange {percent(day.off_exchange_share)} · DP premium {money(day.dp_premium)} (net {money(day.dp_net_premium)}) · {day.unusual_block_count} unusual blocks · last {price(day.last_price)}</p>
              <div className="table-scroll">
                <table className="data-table compact" aria-label="dark pool levels" data-testid="darkpool-levels">
                  <thead><tr><th scope="col">Price</th><th scope="col">Kind</th><th scope="col" className="num">Notional</th><th scope="col" className="num">Volume</th><th scope="col" className="num">Share</th></tr></thead>
                  <tbody>{day.levels.map((l) => (
                    <tr key={l.price_low} tabIndex={0}>
                      <td>{price(l.price_low)}–{price(l.price_high)} <span className="muted small">vwap {price(l.vwap)}</span></td>
                      <td><span className={`tag level-${l.kind}`}>{l.kind.replace(/_/g, ' ')}</span></td>
                      <td className="num">{money(l.notional)}</td><td className="num">{count(l.volume)}</td><td className="num">{percent(l.share_of_dp_volume)}</td>
                    </tr>
                  ))}</tbody>
                </table>
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function ConvictionHistory({ symbol }: { symbol: string }) {
  const { state } = useApi<ConvictionHistoryBody>(apiPath(`/v1/smart-money/${symbol}`));
  return (
    <section className="card" aria-label="conviction history">
      <h2>Conviction history</h2>
      <Loaded state={state} what="Conviction history">
        {(b) => b.rows.length === 0 ? <Empty>No conviction rows for {symbol}.</Empty> : (
          <>
            <ConvictionChart history={b.rows} />
            <p className="muted small">Latest: {b.rows.at(-1)?.date} score {b.rows.at(-1)?.score} ({b.rows.at(-1)?.direction}) · {b.rows.length} day{b.rows.length === 1 ? '' : 's'}</p>
          </>
        )}
      </Loaded>
    </section>
  );
}

/** Bar length of the price chart, minutes (GET /v1/bars/{symbol}?interval=). */
const CHART_BAR_MINUTES = 5;

/** The New York calendar date (YYYY-MM-DD) of an ISO instant: the trading day the signals belong to. */
function newYorkDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
}

/** `/symbol/{SYMBOL}`: the symbol's flow signals, tilt, levels, GEX, dark pool and conviction. */
export function SymbolPage({ symbol, location }: { symbol: string; location: Location }) {
  const filters = filtersFrom(location.search);
  const query = Object.fromEntries(FILTER_KEYS.map((k) => [k, filters[k]]));
  const signals = useApi<SignalsBody>(apiPath(`/v1/flow/signals/${symbol}`, query));
  const summary = useApi<SummaryBody>(apiPath(`/v1/flow/signals/${symbol}/summary`, { ...query, limit: null }));
  const levels = useApi<LevelsBody>(`/v1/exposure/levels/${symbol}`);
  const maxPain = useApi<MaxPainBody>(`/v1/maxpain/${symbol}`);
  const gex = useApi<GexBody>(`/v1/exposure/gex/${symbol}`);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [prices, setPrices] = useState<readonly PricePoint[]>([]);
  useEffect(() => setPrices([]), [symbol]);
  useEffect(() => {
    const s = summary.state;
    if (s.kind !== 'ok') return;
    setUpdatedAt(new Date());
    const p = s.body.underlying_price;
    if (p === null) return;
    const time = Math.floor(Date.parse(s.body.as_of) / 1000);
    setPrices((list) => (list.some((x) => x.time === time) ? list : [...list, { time, price: p }].sort((a, b) => a.time - b.time)));
  }, [summary.state]);
  const date = summary.state.kind === 'ok' ? newYorkDate(summary.state.body.as_of) : null;
  // The day's candles from the equity tape; without them (404: no bars endpoint, no equity prints for the symbol
  // or that day) the chart falls back to the summary snapshots above.
  const bars = useApi<BarsBody>(date === null ? null : apiPath(`/v1/bars/${symbol}`, { date, interval: CHART_BAR_MINUTES }));
  const barList = bars.state.kind === 'ok' && bars.state.body.bars.length > 0 ? bars.state.body.bars : null;
  const reloadSignals = signals.reload, reloadSummary = summary.reload, reloadBars = bars.reload;
  const onEvent = useCallback(() => {
    reloadSignals();
    reloadSummary();
    reloadBars();
  }, [reloadSignals, reloadSummary, reloadBars]);
  const streamSymbols = useMemo(() => [symbol], [symbol]);
  const stream = useSignalStream(streamSymbols, onEvent, 1000);

  const chartLevels: ChartLevel[] = useMemo(() => {
    const l = levels.state.kind === 'ok' ? levels.state.body.levels : null;
    const mp = maxPain.state.kind === 'ok' ? maxPain.state.body.max_pain_strike : l?.max_pain ?? null;
    return [
      { label: 'call wall', price: l?.call_wall ?? null, color: cssColor('--bull') },
      { label: 'put wall', price: l?.put_wall ?? null, color: cssColor('--bear') },
      { label: 'gamma flip', price: l?.gamma_flip ?? null, color: cssColor('--warn') },
      { label: 'max pain', price: mp, color: cssColor('--accent-2') },
    ];
  }, [levels.state, maxPain.state]);
  const signalList = signals.state.kind === 'ok' ? signals.state.body.signals : [];

  return (
    <div className="page">
      <header className="page-head">
        <h1>{symbol}</h1>
        <SymbolSearch current={symbol} />
        <nav className="page-links"><Link to={`/smi/${symbol}`}>SMI</Link></nav>
        <LiveBadge stream={stream} lastUpdate={updatedAt} />
      </header>
      <Loaded state={summary.state} what={`${symbol} summary`} onRetry={summary.reload}>{(s) => <SummaryCard s={s} />}</Loaded>
      <section className="card" aria-label="signals">
        <h2>Flow signals {signals.state.kind === 'ok' ? <span className="muted">({signals.state.body.count})</span> : null}</h2>
        <SymbolFilters filters={filters} />
        <BreakdownLegend />
        <Loaded state={signals.state} what={`${symbol} signals`} onRetry={signals.reload}>
          {(b) => b.signals.length === 0 ? <Empty>No signal matches these filters.</Empty> : <SignalsTable signals={b.signals} />}
        </Loaded>
      </section>
      <div className="grid-2">
        <section className="card" aria-label="price and levels">
          <h2>Price and levels</h2>
          <p className="muted small" data-testid="price-source">
            Dots: signals at their strike (green bullish, red bearish, grey neutral).{' '}
            {barList !== null
              ? `Price: ${bars.state.kind === 'ok' ? bars.state.body.interval_minutes : CHART_BAR_MINUTES}-minute bars of the ${date ?? ''} equity tape (regular session; average-price and other non-informative prints in volume only); strikes far from the price are off the axis (drag it to see them).`
              : 'Line: underlying price reported by the server while this page is open (no equity bars for this day).'}
          </p>
          <Loaded state={levels.state} what="Levels">
            {() => <PriceLevelsChart prices={prices} bars={barList} levels={chartLevels} signals={signalList} />}
          </Loaded>
          <ul className="levels-list">{chartLevels.map((l) => <li key={l.label}><span className="swatch" style={{ background: l.color }} />{l.label} {price(l.price)}</li>)}</ul>
        </section>
        <section className="card" aria-label="gamma exposure by strike">
          <h2>GEX by strike</h2>
          <Loaded state={gex.state} what="GEX">
            {(g) => (
              <>
                <p className="muted small">net {money(g.net_gex)} · {g.unit}</p>
                {g.strikes.length === 0 ? <Empty>No strikes.</Empty> : <GexChart strikes={g.strikes} spot={g.underlying_price} />}
              </>
            )}
          </Loaded>
        </section>
      </div>
      <div className="grid-2">
        <DarkPoolLevels symbol={symbol} date={date} />
        <ConvictionHistory symbol={symbol} />
      </div>
    </div>
  );
}
