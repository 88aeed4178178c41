/**
 * The share of the day's prints in each 5-minute bar of the regular session (09:30 … 15:55 bars), percent.
 * Measured: SPY consolidated 5-minute volume, 206 full sessions 2025-05-12 … 2026-03-11
 * (../shared/data/spy-qqq-intraday-bars-2025-2026). One adjustment: the 15:55 bar (7.41%) carries the NYSE
 * closing auction, which options do not have; it is replaced by the 15:50 bar's 3.59%.
 * The shape is the familiar U: heavy open, quiet lunch, rising into the close.
 */
export const FIVE_MINUTE_PROFILE: readonly number[] = [
  3.53, 2.29, 2.03, 2.09, 1.87, 1.62, 1.94, 1.65, 1.52, 1.42, 1.37, 1.40, 1.39, 1.32, 1.25, 1.24, 1.17, 1.22,
  1.27, 1.13, 1.13, 1.14, 1.10, 1.08, 1.12, 1.01, 0.98, 0.97, 0.96, 0.95, 0.94, 0.85, 0.85, 0.85, 0.87, 0.85,
  0.91, 0.82, 0.81, 0.82, 0.84, 0.82, 0.91, 0.80, 0.80, 0.78, 0.79, 0.80, 0.87, 0.79, 0.83, 0.79, 0.79, 0.79,
  1.18, 0.98, 0.91, 0.94, 0.90, 0.90, 1.05, 1.00, 0.98, 0.94, 0.97, 1.08, 1.18, 1.10, 1.16, 1.24, 1.22, 1.24,
  1.47, 1.57, 1.65, 2.17, 3.59, 3.59,
];

/**
 * Splits `total` prints over `buckets` equal slices of the session, following the U-shaped profile (stretched
 * or squeezed onto the session's length, so an early-close day keeps the open and close peaks). The counts
 * are whole numbers summing exactly to `total`: bucket b gets round(total·C_b) − round(total·C_{b−1}) where C is
 * the cumulative share.
 */
export function bucketCounts(total: number, buckets: number): number[] {
  const p = FIVE_MINUTE_PROFILE;
  const w: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const x = ((b + 0.5) / buckets) * p.length - 0.5;
    const i = Math.max(0, Math.min(p.length - 1, Math.floor(x)));
    const j = Math.min(p.length - 1, i + 1);
    const f = Math.max(0, Math.min(1, x - i));
    w.push((p[i] as number) * (1 - f) + (p[j] as number) * f);
  }
  const sum = w.reduce((s, v) => s + v, 0);
  const out: number[] = [];
  let cum = 0;
  let prev = 0;
  for (let b = 0; b < buckets; b++) {
    cum += w[b] as number;
    const upTo = b === buckets - 1 ? total : Math.round((total * cum) / sum);
    out.push(upTo - prev);
    prev = upTo;
  }
  return out;
}
