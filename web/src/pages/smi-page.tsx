import { useMemo } from 'react';
import { apiPath } from '../api-client.ts';
import type { SmiBody } from '../api-types.ts';
import { type ChartMark, LinePairChart, type LineSpec } from '../charts/line-pair-chart.tsx';
import { Empty, Loaded } from '../components/state-views.tsx';
import { setSearch, type Location } from '../router.tsx';
import { cssColor } from '../theme.ts';
import { useApi } from '../use-api.ts';
import { SymbolSearch } from './symbol-search.tsx';

function SmiChart({ b }: { b: SmiBody }) {
  const lines = useMemo((): LineSpec[] => [
    { title: 'SMI', color: cssColor('--accent'), scale: 'left', points: b.series.map((p) => ({ time: p.date, value: p.smi })) },
    { title: 'close', color: cssColor('--fg-muted'), scale: 'right', points: b.series.map((p) => ({ time: p.date, value: p.close })) },
  ], [b]);
  const marks = useMemo((): ChartMark[] => b.divergences.map((d) => {
    const bullish = d.kind.includes('bullish');
    const divergence = d.kind.includes('divergence');
    return {
      time: d.date, text: '', color: cssColor(bullish ? '--bull' : '--bear'),
      position: bullish ? 'belowBar' : 'aboveBar', shape: divergence ? (bullish ? 'arrowUp' : 'arrowDown') : 'circle',
    };
  }), [b]);
  return <LinePairChart lines={lines} marks={marks} testId="smi-chart" label="Smart Money Index (left scale) against the close (right scale), divergences marked" />;
}

/** `/smi/{SYMBOL}`: the Smart Money Index (seed 002) against price, divergences marked. */
export function SmiPage({ symbol, location }: { symbol: string; location: Location }) {
  const from = location.search.get('from') ?? '';
  const to = location.search.get('to') ?? '';
  const { state, reload } = useApi<SmiBody>(apiPath(`/v1/smi/${symbol}`, { from, to }));
  return (
    <div className="page">
      <header className="page-head">
        <h1>{symbol} Smart Money Index</h1>
        <SymbolSearch current={symbol} base="/smi" />
      </header>
      <form className="filters" aria-label="date range" onSubmit={(e) => e.preventDefault()}>
        <label>From <input type="date" name="from" value={from} onChange={(e) => setSearch({ from: e.target.value })} /></label>
        <label>To <input type="date" name="to" value={to} onChange={(e) => setSearch({ to: e.target.value })} /></label>
      </form>
      <Loaded state={state} what={`${symbol} SMI`} onRetry={reload}>
        {(b) => b.series.length === 0 ? <Empty>No SMI days in this range.</Empty> : (
          <>
            <section className="card" aria-label="SMI chart">
              <p className="muted small">Arrows: divergences (▲ bullish, ▼ bearish); dots: confirmations. {b.series.length} days from {b.series[0]?.date} to {b.series.at(-1)?.date} · start value {b.start_value} · divergences over {b.lookback} trading days{b.skipped.length > 0 ? ` · ${b.skipped.length} days skipped` : ''}</p>
              <SmiChart b={b} />
            </section>
            <section className="card" aria-label="divergences">
              <h2>Divergences and confirmations ({b.divergences.length})</h2>
              {b.divergences.length === 0 ? <Empty>None in this range.</Empty> : (
                <div className="table-scroll tall">
                  <table className="data-table compact" aria-label="SMI divergences">
                    <thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col" className="num">Close</th><th scope="col" className="num">Prior close extreme</th><th scope="col" className="num">SMI</th><th scope="col" className="num">Prior SMI extreme</th></tr></thead>
                    <tbody>{b.divergences.slice().reverse().map((d) => (
                      <tr key={`${d.date}|${d.kind}`} tabIndex={0}><td>{d.date}</td><td><span className={`tag ${d.kind.includes('bullish') ? 'intent-bullish' : 'intent-bearish'}`}>{d.kind.replace(/_/g, ' ')}</span></td>
                        <td className="num">{d.close.toFixed(2)}</td><td className="num">{d.prior_close_extreme.toFixed(2)}</td><td className="num">{d.smi.toFixed(2)}</td><td className="num">{d.prior_smi_extreme.toFixed(2)}</td></tr>
                    ))}</tbody>
                  </table>
                </div>
              )}
            </section>
          </>
        )}
      </Loaded>
    </div>
  );
}
