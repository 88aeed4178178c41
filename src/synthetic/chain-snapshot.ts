import { blackScholesPrice } from './black-scholes.ts';
import { smileVol } from './iv-smile.ts';
import { contractRefKey, type ListedChain, type ListedExpiry, yearsTo } from './listed-chain.ts';
import { quoteAround } from './nbbo-model.ts';
import { formatCents } from './option-ticks.ts';
import type { Prng } from './prng.ts';
import { ACTIVITY_ZIPF_EXPONENT, RISK_FREE_RATE, type Underlying } from './underlying-universe.ts';

/** ζ(1.1) = Σ 1/n^1.1: turns a Zipf weight into an absolute share that does not depend on how many names there are. */
const ZETA = 10.5844;
/** Scale of settled OI: SPY's at-the-money front monthly lands near 120,000 contracts. */
const OI_SCALE = 800_000;

const KIND_OI: Record<ListedExpiry['kind'], number> = { monthly: 1, weekly: 0.35, daily: 0.2, leaps: 0.5 };

/**
 * Settled open interest of one contract before noise (contracts): how much resting interest a chain of this
 * activity shows at this strike and tenor.
 *   OI = 800,000 · share^0.8 · exp(−m²/4.5) · kind · 1/(1 + dte/120) · (1.3 for ETF puts)
 * share = the name's Zipf weight / ζ(1.1); m = ln(K/S)/(σ_atm·√max(T, 7d)) (OI spreads over ±1.5 sd);
 * kind = 1 monthly, 0.5 LEAPS, 0.35 weekly, 0.2 daily. A judgement-based shape (OI concentrates in monthlies
 * near the money, index puts carry hedges), scaled so SPY's ATM front monthly is ~120k as on real SPY chains.
 */
export function expectedOpenInterest(u: Underlying, e: ListedExpiry, strikeCents: number, right: 'C' | 'P', years: number): number {
  const share = 1 / (u.rank + 1) ** ACTIVITY_ZIPF_EXPONENT / ZETA;
  const m = Math.log(strikeCents / 100 / u.previousClose) / (u.smile.atmVol * Math.sqrt(Math.max(years, 7 / 365)));
  const putBoost = right === 'P' && u.assetClass !== 'stock' ? 1.3 : 1;
  return OI_SCALE * share ** 0.8 * Math.exp(-(m * m) / 4.5) * KIND_OI[e.kind] / (1 + e.dte / 120) * putBoost;
}

/** Where and when the snapshot was taken. */
export interface SnapshotTime {
  /** The previous session's close, as an instant. */
  readonly asOfMs: number;
  /** The same instant as New York ISO-8601 text. */
  readonly asOfText: string;
}

/**
 * Appends one canonical chain row per listed contract of `u` to `out` (expiry, strike, call then put
 * ascending) and returns how many. Quotes and IV are valued at the previous close; OI is the settled figure
 * (expected OI × log-normal noise e^{0.6·z}); opening targets get OI 0–150 so the day's flow can exceed it.
 * `volume` is the previous session's volume, a noisy fraction (0–25%, doubled inside a week) of OI.
 */
export function appendChainRows(u: Underlying, chain: ListedChain, at: SnapshotTime, rng: Prng, out: string[]): number {
  const targets = new Set(chain.openingTargets.map(contractRefKey));
  const head = `${at.asOfText},${u.symbol},${u.previousClose.toFixed(2)},`;
  let rows = 0;
  chain.expiries.forEach((e, ei) => {
    const years = yearsTo(e, at.asOfMs);
    for (let ki = 0; ki < e.strikesCents.length; ki++) {
      const k = e.strikesCents[ki] as number;
      for (const right of ['C', 'P'] as const) {
        const vol = smileVol(u.smile, u.previousClose, k / 100, years);
        const value = blackScholesPrice(right, {
          spot: u.previousClose, strike: k / 100, years, vol, rate: RISK_FREE_RATE, dividendYield: u.dividendYield,
        });
        const q = quoteAround(value, u.tickClass, u.illiquidity, years, rng.next());
        let oi: number;
        let volume: number;
        if (targets.has(contractRefKey({ expiry: ei, strike: ki, right }))) {
          oi = rng.int(0, 150);
          volume = rng.int(0, 20);
        } else {
          oi = Math.floor(expectedOpenInterest(u, e, k, right, years) * Math.exp(0.6 * rng.normal()));
          volume = Math.floor(oi * 0.25 * rng.next() * (e.dte < 7 ? 2 : 1));
        }
        out.push(`${head}${e.date},${e.strikeText[ki]},${right},${oi},${formatCents(q.bidCents)},${formatCents(q.askCents)},${volume},${vol.toFixed(4)}`);
        rows++;
      }
    }
  });
  return rows;
}
