import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { quoteAround } from './nbbo-model.ts';
import { tickCents, type TickClass } from './option-ticks.ts';
import { readLines } from '../ingest/line-reader.ts';
import { headerIndex, splitCsvLine } from '../ingest/csv-line.ts';

test('quotes lie on the tick grid, at least one tick wide, bid ≥ 0, bracketing the value up to half a tick (property)', () => {
  const classes: TickClass[] = ['all-penny', 'penny', 'nickel'];
  fc.assert(fc.property(
    fc.constantFrom(...classes), fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }),
    fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }),
    (cls, value, illiquidity, years, u) => {
      const { bidCents: b, askCents: a } = quoteAround(value, cls, illiquidity, years, u);
      const v = value * 100;
      return b >= 0 && a > b && b % tickCents(cls, b) === 0 && a % tickCents(cls, a) === 0
        && a - b >= tickCents(cls, b) && (b === 0 || b <= v + tickCents(cls, b) / 2) && a >= v - tickCents(cls, a) / 2;
    }));
});

const yahoo = fileURLToPath(new URL('../../../shared/data/yahoo-option-chains-10-tickers/', import.meta.url));

/** Median quoted spread (cents) of Yahoo's 2025-12-01 snapshot for 0–60 DTE contracts with mid in [lo, hi). */
async function yahooMedianSpread(ticker: string, lo: number, hi: number): Promise<number> {
  const spreads: number[] = [];
  let idx: Map<string, number> | null = null;
  for await (const batch of readLines(`${yahoo}2025-12-01_${ticker}.csv.gz`)) {
    for (const line of batch.lines) {
      if (idx === null) { idx = headerIndex(line); continue; }
      const f = splitCsvLine(line);
      const bid = Number(f[idx.get('bid') as number]), ask = Number(f[idx.get('ask') as number]);
      const dte = (Date.parse((f[idx.get('expiration') as number] as string).slice(0, 10)) - Date.parse('2025-12-01')) / 86_400_000;
      const mid = (bid + ask) / 2;
      if (bid > 0 && ask > bid && dte <= 60 && mid >= lo && mid < hi) spreads.push(Math.round((ask - bid) * 100));
    }
  }
  spreads.sort((x, y) => x - y);
  return spreads[Math.floor(spreads.length / 2)] as number;
}

function modelMedianSpread(illiquidity: number, lo: number, hi: number): number {
  const out: number[] = [];
  for (let i = 0; i < 400; i++) {
    const v = lo + ((hi - lo) * (i + 0.5)) / 400;
    const q = quoteAround(v, 'penny', illiquidity, 20 / 365, (i * 0.618) % 1);
    out.push(q.askCents - q.bidCents);
  }
  out.sort((x, y) => x - y);
  return out[200] as number;
}

test('model spreads are within a factor 2.5 of Yahoo 2025-12-01 medians for NVDA (L=1) and JPM (L=6)',
  { skip: existsSync(yahoo) ? false : 'needs ../shared/data' }, async () => {
    for (const [ticker, illiquidity] of [['NVDA', 1], ['JPM', 6]] as const) {
      for (const [lo, hi] of [[0.05, 0.5], [0.5, 1.5], [3, 10]] as const) {
        const real = await yahooMedianSpread(ticker, lo, hi);
        const model = modelMedianSpread(illiquidity, lo, hi);
        assert.ok(model <= real * 2.5 && model >= real / 2.5, `${ticker} [${lo}, ${hi}): model ${model}¢ vs Yahoo ${real}¢`);
      }
    }
  });
