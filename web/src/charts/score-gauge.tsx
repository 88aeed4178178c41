/** The crypto score's five bands (0–24 very bearish … 75–100 very bullish). */
export const BANDS = [
  { from: 0, to: 25, label: 'very bearish', color: 'var(--bear)' },
  { from: 25, to: 40, label: 'bearish', color: 'var(--bear-soft)' },
  { from: 40, to: 60, label: 'neutral', color: 'var(--neutral)' },
  { from: 60, to: 75, label: 'bullish', color: 'var(--bull-soft)' },
  { from: 75, to: 100, label: 'very bullish', color: 'var(--bull)' },
] as const;

export function bandOf(score: number): string {
  return (BANDS.find((b) => score < b.to) ?? BANDS[4]).label;
}

const R = 80, CX = 100, CY = 95;

function point(value: number, r: number): [number, number] {
  const a = Math.PI * (1 - value / 100);
  return [CX + r * Math.cos(a), CY - r * Math.sin(a)];
}

function arc(from: number, to: number): string {
  const [x1, y1] = point(from, R);
  const [x2, y2] = point(to, R);
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${R} ${R} 0 0 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

/** A half-dial 0–100 with the five bands and a needle at the score (null: no needle, "no score"). */
export function ScoreGauge({ score, band }: { score: number | null; band: string | null }) {
  const needle = score === null ? null : point(Math.max(0, Math.min(100, score)), R - 18);
  return (
    <figure className="gauge" data-testid="gauge">
      <svg viewBox="0 0 200 120" role="img" aria-label={score === null ? 'no score' : `score ${score}, ${(band ?? bandOf(score)).replace(/_/g, ' ')}`}>
        {BANDS.map((b) => <path key={b.label} d={arc(b.from, b.to)} stroke={b.color} strokeWidth={16} fill="none" />)}
        {needle === null ? null : <line x1={CX} y1={CY} x2={needle[0]} y2={needle[1]} stroke="var(--fg)" strokeWidth={3} strokeLinecap="round" />}
        <circle cx={CX} cy={CY} r={5} fill="var(--fg)" />
        <text x={CX} y={CY + 22} textAnchor="middle" className="gauge-value">{score === null ? '—' : Math.round(score)}</text>
      </svg>
      <figcaption data-testid="band">{score === null ? 'no score' : (band ?? bandOf(score)).replace(/_/g, ' ')}</figcaption>
    </figure>
  );
}
