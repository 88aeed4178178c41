import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDate } from '../core/units.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import { readCanonicalTradesCsv } from '../ingest/canonical-trades-fast.ts';
import { readCanonicalTradesCsvGeneric } from '../ingest/canonical-trades.ts';
import { readCanonicalChainCsv } from '../ingest/canonical-chain.ts';
import { IngestReport } from '../ingest/ingest-report.ts';
import { generateSyntheticTape, type SyntheticManifest } from './tape-generator.ts';
import { newYorkDayClock } from './new-york-day-clock.ts';
import { tickCents } from './option-ticks.ts';
import { buildUniverse } from './underlying-universe.ts';

const SYMBOLS = 400;
const PRINTS = 20_000;
const DATE = isoDate('2025-03-14');
let dir = '';
let manifest: SyntheticManifest;
let trades: OptionTrade[] = [];
let chain: ChainContract[] = [];
const rejects = { trades: new IngestReport(), chain: new IngestReport() };

async function readAll<T>(gen: AsyncGenerator<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of gen) for (const x of batch) out.push(x);
  return out;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tape-'));
  manifest = await generateSyntheticTape({ symbols: SYMBOLS, prints: PRINTS, seed: 7, date: DATE, outDir: join(dir, 'a'), gzip: false });
  trades = await readAll(readCanonicalTradesCsv(join(dir, 'a', 'trades.csv'), { report: rejects.trades, strict: false }));
  chain = await readAll(readCanonicalChainCsv(join(dir, 'a', 'chains.csv'), { report: rejects.chain, strict: false }));
});

after(() => rmSync(dir, { recursive: true, force: true }));

const contractKey = (c: { underlying: string; expiry: string; right: string; strike: number }) =>
  `${c.underlying} ${c.expiry} ${c.right} ${c.strike}`;

test('every trade row parses with both canonical trade readers (fast and generic), zero rejections, exactly M rows', async () => {
  assert.equal(rejects.trades.rejected, 0, JSON.stringify(rejects.trades.rejections.slice(0, 3)));
  assert.equal(trades.length, PRINTS);
  const generic = await readAll(readCanonicalTradesCsvGeneric(join(dir, 'a', 'trades.csv'), { report: new IngestReport(), strict: true }));
  assert.deepEqual(generic, trades);
});

test('every chain row parses with the canonical chain reader, as of the previous close (2025-03-13 16:00 New York)', () => {
  assert.equal(rejects.chain.rejected, 0, JSON.stringify(rejects.chain.rejections.slice(0, 3)));
  assert.equal(chain.length, manifest.files[1]?.rows);
  const asOf = Date.parse('2025-03-13T16:00:00-04:00');
  assert.ok(chain.every((c) => c.asOf === asOf && c.underlyingPrice !== null && c.iv !== null && c.bid !== null));
  assert.equal(new Set(chain.map(contractKey)).size, chain.length, 'one row per contract');
});

test('rows are in time order and inside the regular session 09:30–16:00 New York (EDT on 2025-03-14)', () => {
  const clock = newYorkDayClock(DATE);
  const open = clock.epochAt(570), close = clock.epochAt(960);
  for (let i = 0; i < trades.length; i++) {
    const t = trades[i] as OptionTrade;
    assert.ok(t.ts >= open && t.ts < close, `row ${i + 2} at ${t.ts}`);
    if (i > 0) assert.ok(t.ts >= (trades[i - 1] as OptionTrade).ts, `row ${i + 2} out of order`);
  }
  assert.match(readFileSync(join(dir, 'a', 'trades.csv'), 'utf8').split('\n')[1] ?? '', /^2025-03-14T09:3\d:\d\d\.\d{3}-04:00,/);
});

test('every traded contract is listed in the chain snapshot', () => {
  const listed = new Set(chain.map(contractKey));
  const missing = trades.filter((t) => !listed.has(contractKey(t)));
  assert.equal(missing.length, 0, missing.slice(0, 3).map(contractKey).join('; '));
});

/** Side from the NBBO (quote rule) when the tape leaves it empty. */
function sideOf(t: OptionTrade): 'buy' | 'sell' | 'mid' {
  if (t.side !== null) return t.side;
  return t.price >= t.ask ? 'buy' : t.price <= t.bid ? 'sell' : 'mid';
}

/** Seed 004 "Sweep Coalescing": same-contract same-side prints ≤ 500 ms after the previous one join a group. */
function coalesce(rows: readonly OptionTrade[]): OptionTrade[][] {
  const open = new Map<string, OptionTrade[]>();
  const groups: OptionTrade[][] = [];
  for (const t of rows) {
    const key = `${contractKey(t)} ${sideOf(t)}`;
    const g = open.get(key);
    const last = g?.at(-1);
    if (g !== undefined && last !== undefined && t.ts - last.ts <= 500) g.push(t);
    else { const fresh = [t]; open.set(key, fresh); groups.push(fresh); }
  }
  return groups;
}

test('sweeps by the seed-004 500 ms rule: ≥ 2 same-side prints summing ≥ 100 contracts, across several exchanges', () => {
  const sweeps = coalesce(trades).filter((g) => g.length >= 2 && sideOf(g[0] as OptionTrade) !== 'mid'
    && g.reduce((s, t) => s + t.size, 0) >= 100);
  assert.ok(sweeps.length >= 0.5 * manifest.stats.sweeps, `${sweeps.length} sweeps found, ${manifest.stats.sweeps} generated`);
  const multiVenue = sweeps.filter((g) => new Set(g.map((t) => t.exchange)).size >= 3);
  assert.ok(multiVenue.length >= 0.5 * sweeps.length);
  const walked = sweeps.filter((g) => new Set(g.map((t) => t.price)).size >= 2);
  assert.ok(walked.length > 0, 'some sweeps walk the book');
});

test('blocks: singleton prints of ≥ 100 contracts, many of 500 or more', () => {
  const singles = coalesce(trades).filter((g) => g.length === 1 && (g[0] as OptionTrade).size >= 100);
  assert.ok(singles.length >= 0.8 * manifest.stats.blockPrints, `${singles.length} vs ${manifest.stats.blockPrints}`);
  assert.ok(singles.filter((g) => (g[0] as OptionTrade).size >= 500).length >= 0.3 * singles.length);
});

test('retail noise dominates: most prints are 1–20 lots; the side column is mostly empty', () => {
  assert.ok(trades.filter((t) => t.size <= 20).length / trades.length > 0.75);
  const given = trades.filter((t) => t.side !== null).length / trades.length;
  assert.ok(given > 0.005 && given < 0.05, `side given on ${given}`);
});

test('about 0.5% of prints carry a locked or crossed NBBO', () => {
  const share = trades.filter((t) => t.ask <= t.bid).length / trades.length;
  assert.ok(share > 0.002 && share < 0.015, `locked/crossed share ${share}`);
});

test('quotes sit on the Penny Interval Program grid of their class (SPY all-penny, top 360 penny, rest nickel)', () => {
  const cls = new Map(buildUniverse(SYMBOLS, 7).map((u) => [u.symbol, u.tickClass]));
  for (const t of trades) {
    const c = cls.get(t.underlying) ?? 'penny';
    for (const p of [t.bid, t.ask]) {
      const cents = Math.round(p * 100);
      assert.equal(cents % tickCents(c, cents), 0, `${contractKey(t)} ${t.underlying} quote ${p}`);
    }
  }
});

test('opening activity: some contracts trade more contracts today than their settled open interest', () => {
  const oi = new Map(chain.map((c) => [contractKey(c), c.openInterest]));
  const volume = new Map<string, number>();
  for (const t of trades) volume.set(contractKey(t), (volume.get(contractKey(t)) ?? 0) + t.size);
  const over = [...volume].filter(([k, v]) => v > (oi.get(k) ?? 0) && v >= 100);
  assert.ok(over.length >= 10, `${over.length} contracts with volume > OI`);
});

test('U-shaped day: the first and last half hours each hold > 1.8× the prints of 12:30–13:00', () => {
  const clock = newYorkDayClock(DATE);
  const count = (fromMin: number) => trades.filter((t) => t.ts >= clock.epochAt(fromMin) && t.ts < clock.epochAt(fromMin + 30)).length;
  const lunch = count(750);
  assert.ok(count(570) > 1.8 * lunch && count(930) > 1.8 * lunch, `${count(570)} / ${lunch} / ${count(930)}`);
});

test('heavy tail: SPY carries the most prints (10–30%), and over 12 OPRA venues appear', () => {
  const spy = trades.filter((t) => t.underlying === 'SPY').length / trades.length;
  assert.ok(spy > 0.1 && spy < 0.3, `SPY share ${spy}`);
  assert.ok(new Set(trades.map((t) => t.exchange)).size > 12);
});

test('the manifest labels everything synthetic and describes the files exactly', () => {
  assert.equal(manifest.synthetic, true);
  assert.equal(manifest.generator, 'smart-money generate-tape');
  const onDisk = JSON.parse(readFileSync(join(dir, 'a', 'manifest.json'), 'utf8')) as SyntheticManifest;
  assert.deepEqual(onDisk, JSON.parse(JSON.stringify(manifest)));
  assert.equal(manifest.files[0]?.bytes, readFileSync(join(dir, 'a', 'trades.csv')).length);
  assert.ok(manifest.notes.some((n) => n.startsWith('SYNTHETIC DATA')));
});

test('same seed → byte-identical files; a different seed → different trades and chains', async () => {
  const run = (seed: number, out: string) => generateSyntheticTape({ symbols: 60, prints: PRINTS, seed, date: DATE, outDir: join(dir, out), gzip: false });
  await run(7, 'b1');
  await run(7, 'b2');
  await run(8, 'c');
  for (const f of ['trades.csv', 'chains.csv', 'manifest.json']) {
    assert.ok(readFileSync(join(dir, 'b1', f)).equals(readFileSync(join(dir, 'b2', f))), `${f} differs between runs`);
  }
  for (const f of ['trades.csv', 'chains.csv']) assert.ok(!readFileSync(join(dir, 'b1', f)).equals(readFileSync(join(dir, 'c', f))));
});

test('gzip output decompresses to the same bytes, and non-trading dates are refused', async () => {
  const m = await generateSyntheticTape({ symbols: 20, prints: 500, seed: 1, date: DATE, outDir: join(dir, 'gz'), gzip: true });
  const plain = await generateSyntheticTape({ symbols: 20, prints: 500, seed: 1, date: DATE, outDir: join(dir, 'plain'), gzip: false });
  const { gunzipSync } = await import('node:zlib');
  assert.ok(gunzipSync(readFileSync(join(dir, 'gz', 'trades.csv.gz'))).equals(readFileSync(join(dir, 'plain', 'trades.csv'))));
  assert.equal(m.files[0]?.name, 'trades.csv.gz');
  assert.equal(plain.files[0]?.sha256.length, 64);
  await assert.rejects(generateSyntheticTape({ symbols: 5, prints: 10, seed: 1, date: isoDate('2025-04-18'), outDir: join(dir, 'x'), gzip: false }),
    /date was 2025-04-18; expected a US options trading day/);
});
