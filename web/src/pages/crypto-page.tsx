import type { Time, UTCTimestamp } from 'lightweight-charts';
import { useMemo } from 'react';
import { apiPath } from '../api-client.ts';
import { CRYPTO_PILLARS, type CryptoAlert, type CryptoPillar, type CryptoScoreBody } from '../api-types.ts';
import { type ChartMark, LinePairChart, type LineSpec } from '../charts/line-pair-chart.tsx';
import { BANDS, ScoreGauge } from '../charts/score-gauge.tsx';
import { ScoreBar } from '../components/bars.tsx';
import { Empty, Loaded } from '../components/state-views.tsx';
import { nyDateTime, percent } from '../format.ts';
import { type Location, setSearch } from '../router.tsx';
import { cssColor } from '../theme.ts';
import { useApi } from '../use-api.ts';
import { SymbolSearch } from './symbol-search.tsx';

const PILLAR_LABEL: Readonly<Record<CryptoPillar, string>> = {
  funding: 'Funding', stablecoin: 'Stablecoin flows', open_interest: 'Open interest', volume: 'Volume', long_short: 'Long/short',
};

const sec = (iso: string): Time => Math.floor(Date.parse(iso) / 1000) as UTCTimestamp;

function HistoryChart({ b }: { b: CryptoScoreBody }) {
  const lines = useMemo((): LineSpec[] => {
    const score = b.history.filter((h) => h.score !== null).map((h) => ({ time: sec(h.ts), value: h.score as number }));
    const fg = b.history.flatMap((h) => (typeof h.fear_greed === 'number' ? [{ time: sec(h.ts), value: h.fear_greed }] : []));
    const out: LineSpec[] = [{ title: 'score', color: cssColor('--accent'), scale: 'right', fixedRange: { min: 0, max: 100 }, points: score }];
    if (fg.length > 0) out.push({ title: 'Fear & Greed', color: cssColor('--warn'), scale: 'right', fixedRange: { min: 0, max: 100 }, points: fg });
    return out;
  }, [b]);
  // Divergence onsets (score against Fear & Greed) and rapid changes, from the alerts, at their time.
  const marks = useMemo((): ChartMark[] => b.alerts.map((a): ChartMark => {
    if (a.kind === 'divergence') {
      const bullish = (a.direction ?? '').includes('bull') || a.score > a.fear_greed;
      return { time: sec(a.ts), text: '', color: cssColor(bullish ? '--bull' : '--bear'), position: bullish ? 'belowBar' : 'aboveBar', shape: bullish ? 'arrowUp' : 'arrowDown' };
    }
    return { time: sec(a.ts), text: '', color: cssColor('--warn'), position: a.direction === 'up' ? 'belowBar' : 'aboveBar', shape: 'circle' };
  }), [b]);
  return <LinePairChart lines={lines} marks={marks} testId="crypto-chart" label="score history against Fear & Greed, divergences marked" />;
}

function alertText(a: CryptoAlert): string {
  const when = `${a.ts.slice(0, 16).replace('T', ' ')} UTC`;
  if (a.kind === 'rapid_change') return `${when} · rapid change ${a.direction} ${a.change > 0 ? '+' : ''}${a.change} to ${a.score} (from ${a.from_score} at ${a.from_ts.slice(0, 16).replace('T', ' ')})`;
  return `${when} · divergence: score ${a.score} vs Fear & Greed ${a.fear_greed} (difference ${a.difference}${a.direction === null ? '' : `, ${a.direction}`})`;
}

/** `/crypto/{ASSET}`: the crypto smart-money score with its bands, pillars, history against Fear & Greed and alerts. */
export function CryptoPage({ asset, location }: { asset: string; location: Location }) {
  const from = location.search.get('from') ?? '';
  const to = location.search.get('to') ?? '';
  const { state, reload } = useApi<CryptoScoreBody>(apiPath(`/v1/crypto/smart-money-score/${asset}`, { from, to }));
  return (
    <div className="page">
      <header className="page-head">
        <h1>{asset} smart-money score</h1>
        <SymbolSearch current={asset} base="/crypto" />
      </header>
      <form className="filters" aria-label="date range" onSubmit={(e) => e.preventDefault()}>
        <label>From <input type="date" name="from" value={from} onChange={(e) => setSearch({ from: e.target.value })} /></label>
        <label>To <input type="date" name="to" value={to} onChange={(e) => setSearch({ to: e.target.value })} /></label>
      </form>
      <Loaded state={state} what={`${asset} score`} onRetry={reload}>
        {(b) => (
          <>
            <div className="grid-2">
              <section className="card" aria-label="score">
                <h2>Score <span className="muted small">as of {nyDateTime(b.as_of)}</span></h2>
                <ScoreGauge score={b.score} band={b.band} />
                <ul className="legend">{BANDS.map((x) => <li key={x.label}><span className="swatch" style={{ background: x.color }} />{x.from}–{x.to === 100 ? 100 : x.to - 1} {x.label}</li>)}</ul>
                <p className="muted small">coverage {percent(b.coverage)}{b.pillars_missing.length > 0 ? ` · missing: ${b.pillars_missing.join(', ')}` : ''}
                  {b.fear_greed === null ? '' : ` · Fear & Greed ${b.fear_greed}`}
                  {b.divergence?.flagged === true ? ` · divergence from Fear & Greed (${b.divergence.difference})` : ''}</p>
              </section>
              <section className="card" aria-label="pillars">
                <h2>Pillars</h2>
                <dl className="pillars" data-testid="pillars">
                  {CRYPTO_PILLARS.map((p) => (
                    <div key={p}>
                      <dt>{PILLAR_LABEL[p]} {b.weights[p] === undefined ? null : <span className="muted small">weight {b.weights[p]}</span>}</dt>
                      <dd>{b.pillars[p] === null ? <span className="muted">no data</span> : <ScoreBar value={b.pillars[p]} label={`${PILLAR_LABEL[p]} ${b.pillars[p]}`} />}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            </div>
            <section className="card" aria-label="history">
              <h2>History</h2>
              <p className="muted small">Arrows: divergence onsets against Fear &amp; Greed (▲ smart money more bullish, ▼ more bearish); dots: rapid changes.</p>
              {b.history.length === 0 ? <Empty>No history in this range.</Empty> : <HistoryChart b={b} />}
            </section>
            <section className="card" aria-label="alerts">
              <h2>Alerts ({b.alerts.length})</h2>
              {b.alerts.length === 0 ? <Empty>No alerts.</Empty> : <ul className="alerts">{b.alerts.map((a, i) => <li key={i} className={a.kind === 'divergence' ? 'alert-divergence' : undefined}>{alertText(a)}</li>)}</ul>}
            </section>
          </>
        )}
      </Loaded>
    </div>
  );
}
