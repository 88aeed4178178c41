import { money, percent } from '../format.ts';

/** The breakdown of a conviction row as the API sends it (docs/methodology.md "Smart Money Conviction"). */
type Section = Readonly<Record<string, unknown>> | null;

const SECTIONS: readonly { key: string; label: string }[] = [
  { key: 'options_flow', label: 'Options flow' },
  { key: 'dark_pool', label: 'Dark pool' },
  { key: 'alert_cluster', label: 'Alert cluster' },
  { key: 'greek_positioning', label: 'Greek positioning' },
];

/** One field of a sub-score's breakdown, formatted by what its name says it is. */
function field(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  if (key.endsWith('premium')) return money(value);
  if (key === 'opening_share') return percent(value);
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(3);
}

const label = (key: string) => key.replace(/_/g, ' ');

/**
 * Every number behind a leaderboard row: each sub-score with the inputs of its formula, the weights actually used
 * (re-normalised over the sub-scores present), the coverage and the signed evidence that set the direction.
 */
export function ConvictionBreakdown({ breakdown }: { breakdown: unknown }) {
  if (breakdown === null || typeof breakdown !== 'object') return <p className="muted">No breakdown.</p>;
  const b = breakdown as Readonly<Record<string, unknown>>;
  const weights = (b.weights ?? {}) as Readonly<Record<string, number>>;
  return (
    <div className="conviction-breakdown" data-testid="conviction-breakdown">
      <div className="breakdown-sections">
        {SECTIONS.map(({ key, label: title }) => {
          const s = b[key] as Section | undefined;
          return (
            <section key={key} aria-label={title}>
              <h4>{title} <span className="muted">weight {percent(weights[key] ?? 0)}</span></h4>
              {s === null || s === undefined ? <p className="muted">No data: left out, the weights re-normalised.</p> : (
                <dl>
                  {Object.entries(s).map(([k, v]) => <div key={k}><dt>{label(k)}</dt><dd>{field(k, v)}</dd></div>)}
                </dl>
              )}
            </section>
          );
        })}
      </div>
      <p className="muted">
        Coverage {percent(Number(b.coverage ?? 0))} of the weight · signed evidence {Number(b.signed_evidence ?? 0).toFixed(3)}
        {' '}(bullish at ≥ {String(b.direction_threshold ?? '')}, bearish at ≤ −{String(b.direction_threshold ?? '')})
      </p>
    </div>
  );
}
