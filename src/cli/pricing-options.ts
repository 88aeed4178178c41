import { type PricingParameters, PricingRequestError } from '../api/pricing-bodies.ts';
import { UsageError } from './command.ts';

/**
 * Command-line options shared by `greeks` and `iv`, and their translation to the API's parameter names
 * (spot, strike, dte, sigma | price, type, r, q) so that both surfaces parse and check requests identically.
 */
export const PRICING_OPTIONS = {
  spot: { type: 'string' },
  strike: { type: 'string' },
  dte: { type: 'string' },
  type: { type: 'string' },
  rate: { type: 'string' },
  dividend: { type: 'string' },
} as const;

/** The API parameter each command-line option fills. */
const PARAMETER_OF_OPTION: Readonly<Record<string, string>> = { rate: 'r', dividend: 'q' };
const OPTION_OF_PARAMETER: Readonly<Record<string, string>> = { r: 'rate', q: 'dividend' };

/**
 * Parses a pricing request from parsed command-line values with `parse` (parseGreeksRequest or
 * parseImpliedVolatilityRequest); a bad or missing value becomes a UsageError naming the option and quoting
 * the value (exit 2). Positional arguments are refused.
 */
export function pricingRequest<T>(
  values: Readonly<Record<string, string | boolean | undefined>>, positionals: readonly string[], parse: (p: PricingParameters) => T,
): T {
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const params: Record<string, string | undefined> = {};
  for (const [option, value] of Object.entries(values)) {
    if (typeof value === 'string') params[PARAMETER_OF_OPTION[option] ?? option] = value;
  }
  try {
    return parse(params);
  } catch (e) {
    if (!(e instanceof PricingRequestError)) throw e;
    const option = `--${OPTION_OF_PARAMETER[e.parameter] ?? e.parameter}`;
    throw new UsageError(e.value === undefined ? `${option} is required; ${e.reason}` : `${option} was ${JSON.stringify(e.value)}; ${e.reason}`);
  }
}
