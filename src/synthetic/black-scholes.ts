/**
 * A small Black–Scholes–Merton pricer for the synthetic tape only (the project's real pricing module lives in
 * src/core/pricing; this one is self-contained on purpose so the generator does not depend on it).
 */

/**
 * Standard normal cumulative distribution Φ(x), Hart's double-precision algorithm 5666 as given by
 * G. West, "Better approximations to cumulative normal functions" (Wilmott, 2005). Absolute error < 1e-14.
 */
export function normalCdf(x: number): number {
  const a = Math.abs(x);
  let c: number;
  if (a > 37) c = 0;
  else {
    const e = Math.exp(-a * a / 2);
    if (a < 7.07106781186547) {
      let n = 3.52624965998911e-2 * a + 0.700383064443688;
      n = n * a + 6.37396220353165;
      n = n * a + 33.912866078383;
      n = n * a + 112.079291497871;
      n = n * a + 221.213596169931;
      n = n * a + 220.206867912376;
      let d = 8.83883476483184e-2 * a + 1.75566716318264;
      d = d * a + 16.064177579207;
      d = d * a + 86.7807322029461;
      d = d * a + 296.564248779674;
      d = d * a + 637.333633378831;
      d = d * a + 793.826512519948;
      d = d * a + 440.413735824752;
      c = e * n / d;
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}

/** Inputs of one European option valuation. */
export interface BlackScholesInput {
  /** Underlying price, dollars per share (> 0). */
  readonly spot: number;
  /** Strike, dollars per share (> 0). */
  readonly strike: number;
  /** Time to expiry in years (calendar time / 365); ≤ 0 prices the option at intrinsic value. */
  readonly years: number;
  /** Volatility as a fraction per year (0.2 = 20%); ≤ 0 prices at discounted intrinsic value of the forward. */
  readonly vol: number;
  /** Continuously compounded risk-free rate, fraction per year. */
  readonly rate: number;
  /** Continuous dividend yield, fraction per year. */
  readonly dividendYield: number;
}

/**
 * Black–Scholes–Merton value of a European call ('C') or put ('P'), in dollars per share: what a fair
 * option would cost on a frictionless market, used here to put synthetic quotes where real ones would sit.
 *   d1 = (ln(S/K) + (r − q + σ²/2)T) / (σ√T),  d2 = d1 − σ√T
 *   C = S e^{−qT} Φ(d1) − K e^{−rT} Φ(d2),   P = K e^{−rT} Φ(−d2) − S e^{−qT} Φ(−d1)
 * Source: J. Hull, Options, Futures, and Other Derivatives, ch. "The Black–Scholes–Merton model".
 */
export function blackScholesPrice(right: 'C' | 'P', p: BlackScholesInput): number {
  const { spot: s, strike: k, years: t, vol, rate: r, dividendYield: q } = p;
  if (t <= 0) return Math.max(0, right === 'C' ? s - k : k - s);
  const fwdS = s * Math.exp(-q * t);
  const pvK = k * Math.exp(-r * t);
  if (vol <= 0) return Math.max(0, right === 'C' ? fwdS - pvK : pvK - fwdS);
  const sd = vol * Math.sqrt(t);
  const d1 = (Math.log(s / k) + (r - q + vol * vol / 2) * t) / sd;
  const d2 = d1 - sd;
  return right === 'C'
    ? fwdS * normalCdf(d1) - pvK * normalCdf(d2)
    : pvK * normalCdf(-d2) - fwdS * normalCdf(-d1);
}
