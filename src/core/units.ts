/**
 * Nominal unit types: a number that says what it measures, so that mixing contracts with shares or
 * dollars with per-contract prices is a compile error (after lightweight-charts' src/helpers/nominal.ts).
 * The brand exists only in the type system; at run time these are plain numbers.
 */
declare const unit: unique symbol;
export type Nominal<T, Name extends string> = T & { readonly [unit]: Name };

/** Milliseconds since 1970-01-01T00:00:00Z (UTC). */
export type EpochMs = Nominal<number, 'EpochMs'>;
/** A count of option contracts (one contract = `CONTRACT_MULTIPLIER` shares). */
export type Contracts = Nominal<number, 'Contracts'>;
/** A count of shares of the underlying. */
export type Shares = Nominal<number, 'Shares'>;
/** A US dollar amount (premium, notional). */
export type Dollars = Nominal<number, 'Dollars'>;
/** An option price quoted per share, in dollars (multiply by the multiplier for a contract's value). */
export type PricePerShare = Nominal<number, 'PricePerShare'>;
/** Calendar days (days to expiry). */
export type Days = Nominal<number, 'Days'>;
/** A fraction in [0, 1] (not percent). */
export type Fraction = Nominal<number, 'Fraction'>;
/** A calendar date in New York, `YYYY-MM-DD`. */
export type IsoDate = Nominal<string, 'IsoDate'>;

/** Shares per US equity option contract. */
export const CONTRACT_MULTIPLIER = 100;

export const epochMs = (n: number): EpochMs => n as EpochMs;
export const contracts = (n: number): Contracts => n as Contracts;
export const dollars = (n: number): Dollars => n as Dollars;
export const pricePerShare = (n: number): PricePerShare => n as PricePerShare;
export const days = (n: number): Days => n as Days;
export const fraction = (n: number): Fraction => n as Fraction;
export const isoDate = (s: string): IsoDate => s as IsoDate;

/** Premium of a print: price per share × size × 100 (seed 004, "Premium"). */
export function premiumOf(price: PricePerShare, size: Contracts): Dollars {
  return (price * size * CONTRACT_MULTIPLIER) as Dollars;
}

/**
 * A span of time in years of 365 days (ms / (365 × 86,400,000)), the `t` of option pricing formulas.
 * See src/core/pricing/time-to-expiry.ts for how an instant and an expiry date become one.
 */
export type YearFraction = Nominal<number, 'YearFraction'>;
export const yearFraction = (n: number): YearFraction => n as YearFraction;
