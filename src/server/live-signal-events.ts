import { signalsBody, summaryBody } from '../api/flow-signals-body.ts';
import type { FlowSignal } from '../core/options-flow/flow-signal.ts';
import { summarize } from '../core/options-flow/flow-summary.ts';
import { QUERY_DEFAULTS, type SignalQuery, withGoldenTags } from '../core/options-flow/signal-query.ts';
import type { EpochMs } from '../core/units.ts';
import { EventRing, type StreamEvent } from './event-ring.ts';
import type { MarketData } from './market-data.ts';
import { marketFlowInputs, marketFlowReport } from './market-flow-report.ts';
import type { ServerSettings } from './server-settings.ts';

/** The query streamed events are computed with: GET /v1/flow/signals' defaults (240-minute window, no filter). */
const STREAM_QUERY: Omit<SignalQuery, 'at'> = {
  windowMinutes: QUERY_DEFAULTS.windowMinutes, minScore: QUERY_DEFAULTS.minScore, intent: null, structure: null,
  limit: QUERY_DEFAULTS.limit, expiry: null,
};

/** A signal's identity across recomputations: its contract, the time of its first print and its side. */
export function signalKey(s: Pick<FlowSignal, 'contract' | 'firstTs' | 'side'>): string {
  return `${s.contract}|${s.firstTs}|${s.side}`;
}

export type EventListener = (e: StreamEvent) => void;

/**
 * The events of GET /v1/stream/signals: after each live batch, for each underlying it touched, the flow report
 * at the underlying's latest print (the defaults of GET /v1/flow/signals) is recomputed, and each signal not seen
 * before (by signalKey) becomes an `event: signal`, and the summary, when its body changed, an `event: summary`
 * (bodies as GET /v1/flow/signals/{symbol} and …/summary give them). Every event gets the next server-wide id
 * and goes into a ring of `capacity` for resuming clients.
 *
 * Nothing is computed until the first client subscribes (a server no one streams from pays nothing per batch);
 * from then on every touched underlying is followed, whoever listens, so a client may resume on any symbol.
 * Batches are processed one at a time, in the order they were accepted.
 */
export class LiveSignalEvents {
  readonly ring: EventRing;
  private readonly listeners = new Set<EventListener>();
  private readonly seen = new Map<string, Set<string>>();
  private readonly lastSummary = new Map<string, string>();
  private active = false;
  private queue: Promise<void> = Promise.resolve();

  private readonly lastConviction = new Map<string, string>();

  /**
   * `convictionOf` (optional) gives a symbol's current conviction event body (conviction-routes.ts), streamed as
   * `event: conviction` when it changed.
   */
  constructor(
    private readonly data: MarketData, private readonly settings: ServerSettings, capacity: number,
    private readonly convictionOf: ((symbol: string) => Promise<object | null>) | null = null,
  ) {
    this.ring = new EventRing(capacity);
  }

  /** Adds a listener of every new event (the caller filters by symbol); returns its removal. */
  subscribe(listener: EventListener): () => void {
    this.active = true;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Told of a batch's underlyings once its rows are readable; resolves when its events are out. `optionRows`
   * false (an equity batch): only the conviction rows can have changed, the flow is not recomputed.
   */
  ingested(symbols: ReadonlySet<string>, optionRows = true): Promise<void> {
    if (!this.active) return this.queue;
    const sorted = [...symbols].sort();
    this.queue = this.queue.then(async () => {
      for (const symbol of sorted) await this.update(symbol, optionRows);
    }).catch((e: unknown) => {
      process.stderr.write(`smartmoney server: stream update failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    });
    return this.queue;
  }

  private async update(symbol: string, optionRows: boolean): Promise<void> {
    const last = optionRows ? await this.data.lastPrintTs(symbol) : null;
    if (last !== null) await this.updateFlow(symbol, last as EpochMs);
    if (this.convictionOf === null) return;
    const row = await this.convictionOf(symbol);
    const text = row === null ? null : JSON.stringify(row);
    if (text !== null && this.lastConviction.get(symbol) !== text) {
      this.lastConviction.set(symbol, text);
      this.emit('conviction', symbol, text);
    }
  }

  /** New signals and a changed summary of an underlying with option prints (its latest print at `last`). */
  private async updateFlow(symbol: string, last: EpochMs): Promise<void> {
    const report = marketFlowReport(await marketFlowInputs(this.data, symbol, last, STREAM_QUERY, this.settings), this.settings);
    let seen = this.seen.get(symbol);
    if (seen === undefined) this.seen.set(symbol, (seen = new Set()));
    // Golden tags over the whole ranked set, as a GET without limit would give them; bodies only for the new ones.
    const fresh = withGoldenTags(report.ranked, this.settings.flow).filter((q) => !seen.has(signalKey(q.signal)));
    if (fresh.length > 0) {
      const body = signalsBody(report, fresh);
      // Oldest first: the order the signals happened in.
      const order = fresh.map((q, i) => ({ s: q.signal, i })).sort((a, b) => a.s.firstTs - b.s.firstTs || a.i - b.i);
      for (const { s, i } of order) {
        seen.add(signalKey(s));
        this.emit('signal', symbol, JSON.stringify({ symbol, key: signalKey(s), signal: body.signals[i] }));
      }
    }
    const summary = JSON.stringify(summaryBody(report, summarize(report.ranked, this.settings.flow)));
    if (this.lastSummary.get(symbol) !== summary) {
      this.lastSummary.set(symbol, summary);
      this.emit('summary', symbol, summary);
    }
  }

  private emit(event: string, symbol: string, data: string): void {
    const e = this.ring.push(event, symbol, data);
    for (const l of this.listeners) l(e);
  }
}
