import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../units.ts';
import { CONTRACT_MULTIPLIER } from '../units.ts';
import { calendarDaysBetween } from '../calendar/new-york-date.ts';
import { aggressorLabel, aggressorStrength } from './aggressor.ts';
import { biasOf, compositeScore, scoreComponents, type Structure } from './flow-score.ts';
import type { FlowSettings } from './flow-settings.ts';
import type { FlowSignal, Tag } from './flow-signal.ts';
import { classifyIntent, convictionOf } from './intent.ts';
import { type ContractOiSimulator, createContractOiSimulator } from './oi-simulator.ts';
import type { Right, Side } from './option-trade.ts';
import { isCrossedOrLocked } from './side-classifier.ts';

/** A print after side classification: the fields the coalescer, the OI simulator and the scorer read. */
export interface ClassifiedPrint {
  readonly ts: EpochMs;
  readonly price: PricePerShare;
  readonly size: Contracts;
  readonly bid: PricePerShare;
  readonly ask: PricePerShare;
  readonly exchange: string;
  readonly side: Side;
}

export interface ContractDay {
  readonly underlying: string;
  readonly contract: string;
  readonly expiry: IsoDate;
  readonly strike: number;
  readonly right: Right;
  /** The New York trading date of these prints. */
  readonly day: IsoDate;
  /** Settled OI from the chain for this day; null when the chain has no row for the contract. */
  readonly settledOi: number | null;
}

/**
 * The flow of one contract over one trading day, fed print by print in time order: seed 004's sweep
 * coalescing ("a print joins the current group when it has the same side and comes at most 500 ms after the
 * group's previous print"), the OI simulator over every print of the day, and the scoring of each closed
 * group whose total size reaches the notable threshold. State is per contract, so contracts (and
 * underlyings) can be processed on different workers with identical results.
 */
export class ContractFlow {
  private readonly oi: ContractOiSimulator;
  private readonly dte: number;
  private lastTs = -Infinity;
  // The open group, as running sums (no per-print allocation).
  private gSide: Side = 'mid';
  private gCount = 0;
  private gFirstTs = 0;
  private gLastTs = 0;
  private gSize = 0;
  private gNotional = 0;
  private gBidSize = 0;
  private gAskSize = 0;
  private gExchanges: string[] = [];
  /** Prints seen, and those on a crossed or locked NBBO (reported, never dropped). */
  prints = 0;
  crossedOrLockedPrints = 0;

  constructor(readonly id: ContractDay, private readonly settings: FlowSettings) {
    this.oi = createContractOiSimulator(id.settledOi, { closingShare: settings.oiClosingShare });
    this.dte = calendarDaysBetween(id.day, id.expiry);
    if (this.dte < 0) throw new RangeError(`${id.contract}: traded on ${id.day}, after its expiry`);
  }

  /**
   * Adds the next print; returns the signal of the group it closed, if that group was notable.
   * Prints must come in non-decreasing time order (the batch path sorts; see flow-tape.ts).
   */
  add(p: ClassifiedPrint): FlowSignal | null {
    if (p.ts < this.lastTs) {
      throw new RangeError(`${this.id.contract}: print at ${p.ts} ms came after one at ${this.lastTs} ms; expected time order`);
    }
    this.lastTs = p.ts;
    this.prints++;
    if (isCrossedOrLocked(p.bid, p.ask)) this.crossedOrLockedPrints++;
    let closed: FlowSignal | null = null;
    if (this.gCount > 0 && (p.side !== this.gSide || p.ts - this.gLastTs > this.settings.sweepWindowMs)) {
      closed = this.closeGroup();
    }
    if (this.gCount === 0) {
      this.gSide = p.side;
      this.gFirstTs = p.ts;
      this.gExchanges = [];
    }
    this.gCount++;
    this.gLastTs = p.ts;
    this.gSize += p.size;
    this.gNotional += p.price * p.size;
    this.gBidSize += p.bid * p.size;
    this.gAskSize += p.ask * p.size;
    if (!this.gExchanges.includes(p.exchange)) this.gExchanges.push(p.exchange);
    this.oi.add(p);
    return closed;
  }

  /** Closes the open group (end of tape or of the query window) and returns its signal if notable. */
  flush(): FlowSignal | null {
    return this.gCount > 0 ? this.closeGroup() : null;
  }

  /** The open group as a signal without closing it (what a query at this moment sees), if notable. */
  peek(): FlowSignal | null {
    return this.gCount > 0 && this.gSize >= this.settings.notableSize ? this.groupSignal() : null;
  }

  private closeGroup(): FlowSignal | null {
    const s = this.gSize >= this.settings.notableSize ? this.groupSignal() : null;
    this.gCount = 0;
    this.gSize = 0;
    this.gNotional = 0;
    this.gBidSize = 0;
    this.gAskSize = 0;
    return s;
  }

  private groupSignal(): FlowSignal {
    const st = this.settings;
    const size = this.gSize;
    const price = this.gNotional / size;
    const bid = this.gBidSize / size;
    const ask = this.gAskSize / size;
    const premium = this.gNotional * CONTRACT_MULTIPLIER;
    const structure: Structure = this.gCount >= 2 ? 'sweep' : size >= st.blockSize ? 'block' : 'single';
    const netOiDelta = this.oi.netDelta;
    const bias = biasOf(netOiDelta);
    const strength = aggressorStrength(this.gSide, price, bid, ask);
    const components = scoreComponents(
      { premium, size, settledOi: this.id.settledOi, aggressorStrength: strength, structure, bias, dte: this.dte },
      st,
    );
    const scored = compositeScore(components, st.weights);
    const tags: Tag[] = [];
    if (structure === 'sweep') tags.push('sweep');
    if (structure === 'block') tags.push('block');
    if (bias === 'opening') tags.push('opening');
    if (bias === 'closing') tags.push('closing');
    if (this.dte === 0) tags.push('0dte');
    if (premium >= st.whalePremium) tags.push('whale');
    const id = this.id;
    return {
      ts: this.gLastTs as EpochMs,
      firstTs: this.gFirstTs as EpochMs,
      underlying: id.underlying,
      contract: id.contract,
      expiry: id.expiry,
      strike: id.strike,
      right: id.right,
      side: this.gSide,
      price,
      size,
      printCount: this.gCount,
      exchanges: this.gExchanges.slice().sort(),
      premium,
      dte: this.dte,
      structure,
      aggressor: aggressorLabel(price, bid, ask, st.aggressorTolerance),
      bid,
      ask,
      crossedOrLocked: isCrossedOrLocked(bid, ask),
      openCloseBias: bias,
      openCloseConfidence: st.oiConfidence,
      contractNetOiDelta: netOiDelta,
      settledOi: id.settledOi,
      intent: classifyIntent(this.gSide, id.right, bias),
      score: scored.score,
      conviction: convictionOf(scored.score),
      breakdown: scored.breakdown,
      components: scored.components,
      tags,
    };
  }
}
