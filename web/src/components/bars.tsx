import { SCORE_COMPONENTS, type ScoreBreakdown, type ScoreComponent } from '../api-types.ts';

export const COMPONENT_LABEL: Readonly<Record<ScoreComponent, string>> = {
  premium: 'Premium', size_vs_oi: 'Size vs OI', aggressor: 'Aggressor', sweep: 'Sweep', opening_bias: 'Opening bias', tenor: 'Tenor',
};

/** A sub-score 0–max as a small horizontal bar with its number. */
export function ScoreBar({ value, max = 100, label }: { value: number | null; max?: number; label: string }) {
  const v = value === null || !Number.isFinite(value) ? null : value;
  const pct = v === null ? 0 : Math.max(0, Math.min(100, (v / max) * 100));
  return (
    <span className="score-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={v ?? undefined}>
      <span className="score-bar-track"><span className="score-bar-fill" style={{ width: `${pct}%` }} /></span>
      <span className="score-bar-value">{v === null ? '—' : Math.round(v)}</span>
    </span>
  );
}

/**
 * A signal's score as the stack of its six seed 004 components (each segment's width is that component's points
 * out of 100, so the stack's length is the score).
 */
export function BreakdownBar({ breakdown, score }: { breakdown: ScoreBreakdown; score: number }) {
  const title = SCORE_COMPONENTS.map((c) => `${COMPONENT_LABEL[c]} ${breakdown[c]}`).join(' · ');
  return (
    <span className="breakdown-bar" role="img" aria-label={`score ${score}: ${title}`} title={title}>
      {SCORE_COMPONENTS.map((c) => (
        <span key={c} className={`seg seg-${c}`} style={{ width: `${Math.max(0, breakdown[c])}%` }} />
      ))}
    </span>
  );
}

export function BreakdownLegend() {
  return (
    <ul className="legend" aria-label="score components">
      {SCORE_COMPONENTS.map((c) => <li key={c}><span className={`swatch seg-${c}`} aria-hidden="true" />{COMPONENT_LABEL[c]}</li>)}
    </ul>
  );
}

/** The six components of one signal as a small table: points and the normalised component. */
export function BreakdownDetail({ breakdown, score }: { breakdown: ScoreBreakdown; score: number }) {
  return (
    <div className="breakdown-detail" data-testid="breakdown-detail">
      <BreakdownBar breakdown={breakdown} score={score} />
      <dl>
        {SCORE_COMPONENTS.map((c) => (
          <div key={c}><dt><span className={`swatch seg-${c}`} aria-hidden="true" />{COMPONENT_LABEL[c]}</dt><dd>{breakdown[c]}</dd></div>
        ))}
        <div className="total"><dt>Score</dt><dd>{score}</dd></div>
      </dl>
    </div>
  );
}
