/**
 * How well a signed call (predicted ΔOI: > 0 opening, < 0 closing, 0 no call) matches the sign of the settled
 * OI change, over contract-days whose OI did change. Two numbers, because accuracy alone flatters a call that
 * mostly says "opening" when most traded contracts do open:
 *
 *  - accuracy = correct calls / calls (a call is a non-zero prediction), with its Wilson 95% interval
 *    (Wilson 1927; Newcombe 1998 method 3), and coverage = calls / n.
 *  - informedness J = ½·(E[sgn(pred) | ΔOI > 0] − E[sgn(pred) | ΔOI < 0]), in [−1, 1]: Youden's J
 *    (TPR + TNR − 1) extended to abstentions, which count 0 (neither right nor wrong). It is the probability
 *    that the call is informed rather than chance (Powers 2011): 0 for any call independent of the outcome
 *    (always "opening", a coin flip), 1 for a perfect call. Its 95% interval is the normal one,
 *    J ± 1.96·½·√(Var₊/n₊ + Var₋/n₋), with Var the variance of sgn(pred) within each outcome group.
 *
 * This project's "OI confidence" is J (docs/methodology-oi.md).
 */
export interface SignScore {
  /** Contract-days with a non-zero ΔOI. */
  readonly n: number;
  readonly opened: number;
  readonly closed: number;
  readonly calls: number;
  readonly correct: number;
  /** correct / calls; null with no call. */
  readonly accuracy: number | null;
  readonly accuracyCi95: readonly [number, number] | null;
  /** calls / n. */
  readonly coverage: number | null;
  /** Informedness J; null unless both outcome groups are present. */
  readonly informedness: number | null;
  readonly informednessCi95: readonly [number, number] | null;
}

const Z95 = 1.959963984540054;

/** Accumulates (predicted, actual) pairs; pairs with actual = 0 are not counted (no sign to match). */
export class SignTally {
  private opened = 0;
  private closed = 0;
  /** Σ sgn(pred) and Σ sgn(pred)² per outcome group. */
  private sumUp = 0;
  private sqUp = 0;
  private sumDown = 0;
  private sqDown = 0;
  private calls = 0;
  private correct = 0;

  add(predicted: number, actual: number): void {
    if (actual === 0) return;
    const s = predicted > 0 ? 1 : predicted < 0 ? -1 : 0;
    if (actual > 0) {
      this.opened++;
      this.sumUp += s;
      this.sqUp += s * s;
    } else {
      this.closed++;
      this.sumDown += s;
      this.sqDown += s * s;
    }
    if (s !== 0) {
      this.calls++;
      if ((s > 0) === (actual > 0)) this.correct++;
    }
  }

  score(): SignScore {
    const n = this.opened + this.closed;
    const accuracy = this.calls > 0 ? this.correct / this.calls : null;
    let informedness: number | null = null;
    let informednessCi95: readonly [number, number] | null = null;
    if (this.opened > 0 && this.closed > 0) {
      const mUp = this.sumUp / this.opened;
      const mDown = this.sumDown / this.closed;
      informedness = (mUp - mDown) / 2;
      const varUp = this.sqUp / this.opened - mUp * mUp;
      const varDown = this.sqDown / this.closed - mDown * mDown;
      const half = Z95 * 0.5 * Math.sqrt(varUp / this.opened + varDown / this.closed);
      informednessCi95 = [informedness - half, informedness + half];
    }
    return {
      n,
      opened: this.opened,
      closed: this.closed,
      calls: this.calls,
      correct: this.correct,
      accuracy,
      accuracyCi95: this.calls > 0 ? wilsonInterval(this.correct, this.calls) : null,
      coverage: n > 0 ? this.calls / n : null,
      informedness,
      informednessCi95,
    };
  }
}

/** Wilson score interval for a proportion k/n at 95% (Newcombe 1998, method 3). */
export function wilsonInterval(k: number, n: number): readonly [number, number] {
  if (!(n > 0) || k < 0 || k > n) throw new RangeError(`proportion was ${k}/${n}; expected 0 ≤ k ≤ n, n > 0`);
  const p = k / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))) / denom;
  // At k = 0 and k = n the bound is exactly 0 or 1; rounding would otherwise leave it a hair off.
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}
