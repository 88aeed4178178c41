/**
 * An input to a pricing function is out of its domain (NaN, Infinity, a non-positive spot or strike,
 * a negative volatility). Same shape and message as ingest's FieldError — field, quoted value, reason —
 * but defined here because the pure core may not import from src/ingest (eslint layering rule).
 */
export class PricingInputError extends Error {
  constructor(readonly field: string, readonly value: string, readonly reason: string) {
    super(`${field} was ${JSON.stringify(value)}; ${reason}`);
    this.name = 'PricingInputError';
  }
}

/** Throws PricingInputError unless `value` is a finite number. */
export function requireFinite(value: number, field: string): void {
  if (!Number.isFinite(value)) throw new PricingInputError(field, String(value), 'expected a finite number');
}

/** Throws PricingInputError unless `value` is a finite number > 0. */
export function requirePositive(value: number, field: string): void {
  if (!(value > 0) || value === Infinity) throw new PricingInputError(field, String(value), 'expected a finite number > 0');
}

/** Throws PricingInputError unless `value` is a finite number ≥ 0. */
export function requireNonNegative(value: number, field: string): void {
  if (!(value >= 0) || value === Infinity) throw new PricingInputError(field, String(value), 'expected a finite number ≥ 0');
}
