/**
 * Sale conditions of an equity print as one 32-bit mask, in the bit numbering of LEAN's `TradeConditionFlags`
 * (../shared/data/lean-us-equity-ticks-2013-10/SOURCE.md): the LEAN tick files carry the mask in hex, and the
 * canonical print format names the same conditions in words (docs/formats.md). One vocabulary for every feed.
 */
export const SALE_CONDITION_BITS = {
  regular: 0, cash: 1, next_day: 2, seller: 3, yellow_flag: 4, intermarket_sweep: 5, opening_prints: 6,
  closing_prints: 7, re_opening_prints: 8, derivatively_priced: 9, form_t: 10, sold_out_of_sequence: 11,
  stopped: 12, extended_hours: 13, out_of_sequence: 14, split: 15, acquisition: 16, bunched: 17,
  stock_option: 18, distribution: 19, average_price: 20, cross: 21, price_variation: 22, bit_23: 23,
  official_close: 24, prior_reference_price: 25, official_open: 26, cap_election: 27, auto_execution: 28,
  trade_through_exempt: 29, undocumented: 30, odd_lot: 31,
} as const;
export type SaleConditionName = keyof typeof SALE_CONDITION_BITS;

const NAMES_BY_BIT: readonly SaleConditionName[] = (() => {
  const out: SaleConditionName[] = [];
  for (const [name, bit] of Object.entries(SALE_CONDITION_BITS)) out[bit] = name as SaleConditionName;
  return out;
})();

/** The mask bit of a condition (bit 31 included: `>>> 0` keeps masks unsigned). */
export function conditionBit(name: SaleConditionName): number {
  return (1 << SALE_CONDITION_BITS[name]) >>> 0;
}

/** A mask of several conditions. */
export function conditionMask(names: readonly SaleConditionName[]): number {
  let m = 0;
  for (const n of names) m = (m | conditionBit(n)) >>> 0;
  return m;
}

/** The names of the bits set in a mask, lowest bit first. */
export function conditionNames(mask: number): SaleConditionName[] {
  const out: SaleConditionName[] = [];
  for (let bit = 0; bit < 32; bit++) {
    if (((mask >>> bit) & 1) === 1) out.push(NAMES_BY_BIT[bit] as SaleConditionName);
  }
  return out;
}

/** The condition named `name` (case-insensitive), or null. */
export function saleConditionOfName(name: string): SaleConditionName | null {
  const n = name.toLowerCase();
  return Object.hasOwn(SALE_CONDITION_BITS, n) ? n as SaleConditionName : null;
}

/** Intermarket sweep order (Reg NMS Rule 600(b)(30)): the sender took every better-priced protected quote. */
export const ISO_MASK = conditionBit('intermarket_sweep');

/**
 * Conditions whose price does not say where the stock traded at that moment, so the print is kept out of side
 * and level inference (but counted, docs/methodology.md "Dark pool"): the price is an average (average_price),
 * refers to an earlier price (prior_reference_price), is derived from another instrument (derivatively_priced,
 * stock_option), settles off the regular cycle (cash, next_day, seller), is reported late or out of sequence
 * (sold_out_of_sequence, out_of_sequence), or is not an ordinary market trade (acquisition, distribution,
 * price_variation). These are the conditions the CTA and UTP plans mark as not updating the last sale price.
 */
export const NON_INFORMATIVE_MASK = conditionMask([
  'cash', 'next_day', 'seller', 'derivatively_priced', 'sold_out_of_sequence', 'out_of_sequence',
  'acquisition', 'distribution', 'average_price', 'price_variation', 'prior_reference_price', 'stock_option',
]);
