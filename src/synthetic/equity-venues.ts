import { AliasTable } from './alias-table.ts';
import type { Prng } from './prng.ts';

/** The off-exchange venue code: FINRA ADF/TRF prints on the CTA/UTP tape (src/core/dark-pool/off-exchange-venue.ts). */
export const OFF_EXCHANGE_VENUE = 'D';

/**
 * Lit US equity exchanges by CTA/UTP participant letter, weighted by their share of lit (non-D) regular-session
 * prints on the LEAN tapes of 2013-10-08, SPY, IBM, BAC and AIG pooled (../shared/data/lean-us-equity-ticks-2013-10;
 * docs/synthetic-tape.md): P NYSE Arca, Q Nasdaq, Z BATS BZX, K EDGX, B Nasdaq BX, Y BATS BYX, J EDGA, N NYSE,
 * X Nasdaq PSX, W CBOE Stock Exchange, C NSX, M CHX. Venues born after 2013 (IEX, MEMX, MIAX Pearl Equities) are
 * therefore absent.
 */
export const LIT_VENUES: readonly { readonly code: string; readonly share: number }[] = [
  { code: 'P', share: 22.6 }, { code: 'Q', share: 22.5 }, { code: 'Z', share: 19.9 }, { code: 'K', share: 8.4 },
  { code: 'B', share: 7.8 }, { code: 'Y', share: 6.3 }, { code: 'J', share: 5.9 }, { code: 'N', share: 3.2 },
  { code: 'X', share: 2.6 }, { code: 'W', share: 0.4 }, { code: 'C', share: 0.3 }, { code: 'M', share: 0.1 },
];

/**
 * Extra weight of a name's listing exchange among its lit prints (percentage points added to LIT_VENUES' share):
 * on IBM (NYSE-listed) NYSE took 36% of the lit volume, against 3% of the pooled prints, most of which are SPY's.
 */
export const LISTING_VENUE_BONUS = 20;

/** Picks lit venues for names listed on one exchange (character codes, ready for the row buffer). */
export class LitVenuePicker {
  private readonly table: AliasTable;
  private readonly codes: number[];

  constructor(listingVenue: string) {
    this.codes = LIT_VENUES.map((v) => v.code.charCodeAt(0));
    this.table = new AliasTable(LIT_VENUES.map((v) => v.share + (v.code === listingVenue ? LISTING_VENUE_BONUS : 0)));
  }

  /** A venue by share (character code). */
  sample(rng: Prng): number {
    return this.codes[this.table.sample(rng)] as number;
  }

  /** A venue by share other than `not` (character code). */
  sampleOther(rng: Prng, not: number): number {
    for (;;) {
      const v = this.sample(rng);
      if (v !== not) return v;
    }
  }
}
