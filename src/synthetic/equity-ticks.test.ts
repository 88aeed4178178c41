import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DarkPoolDay } from '../core/dark-pool/dark-pool-book.ts';
import { DarkPoolTape } from '../core/dark-pool/dark-pool-tape.ts';
import type { EquityPrint } from '../core/dark-pool/equity-print.ts';
import { NON_INFORMATIVE_MASK } from '../core/dark-pool/sale-conditions.ts';
import { isoDate } from '../core/units.ts';
import { readEquityPrints } from '../ingest/equity-sources.ts';
import { IngestReport } from '../ingest/ingest-report.ts';
import { newYorkDayClock } from './new-york-day-clock.ts';
import { BUCKET_MS, SpotPaths } from './spot-paths.ts';
import { generateSyntheticTape, type SyntheticManifest } from './tape-generator.ts';
import { buildUniverse } from './underlying-universe.ts';

const DATE = isoDate('2025-03-14');
const SEED = 20250314;
const SYMBOLS = 40;
/** The LEAN tapes 2013-10-07…11, regular-session off-exchange share of volume: lowest (SPY 10-09) and highest (BAC 10-07). */
const LEAN_REGULAR_OFF_SHARE = { min: 0.203, max: 0.414 };
let dir = '';
let manifest: SyntheticManifest;
const report = new IngestReport();
const prints: EquityPrint[] = [];
const tape = new DarkPoolTape();
const days = new Map<string, DarkPoolDay>();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'equity-'));
  manifest = await generateSyntheticTape({ symbols: SYMBOLS, prints: 20_000, seed: SEED, date: DATE, outDir: join(dir, 'a'), gzip: false, equityPrints: 150_000 });
  for await (const batch of readEquityPrints(join(dir, 'a', 'equity.csv'), { report, strict: false })) {
    for (const p of batch) {
      prints.push(p);
      tape.addPrint(p);
    }
  }
  for (const d of tape.summaries()) days.set(d.symbol, d);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the real equity reader takes every row (0 rejections), in time order from 08:00 to 18:00 New York; the manifest lists the file', () => {
  assert.equal(report.rejected, 0, JSON.stringify(report.rejections.slice(0, 3)));
  const entry = manifest.files.find((f) => f.name === 'equity.csv');
  assert.deepEqual(entry && { format: entry.format, rows: entry.rows }, { format: 'canonical-equity-prints-csv', rows: prints.length });
  assert.equal(entry?.bytes, readFileSync(join(dir, 'a', 'equity.csv')).length);
  assert.equal(manifest.equity?.synthetic, true);
  const clock = newYorkDayClock(DATE);
  for (let i = 1; i < prints.length; i++) assert.ok((prints[i] as EquityPrint).ts >= (prints[i - 1] as EquityPrint).ts, `row ${i + 2}`);
  assert.ok((prints[0] as EquityPrint).ts >= clock.epochAt(480) && (prints.at(-1) as EquityPrint).ts < clock.epochAt(1080));
  assert.equal(days.size, SYMBOLS);
});

test('off-exchange share of regular-session volume is inside the LEAN-measured range (20.3–41.4%) for the whole tape, and within 5 points of it for every uninformed name with ≥ 2,500 prints (the LEAN days have ≥ 19,000; on thin names one block moves the share)', () => {
  const informed = new Set(manifest.equity?.informed.map((n) => n.symbol));
  let off = 0, all = 0;
  for (const d of days.values()) {
    off += d.regular_session.off_exchange_volume;
    all += d.regular_session.total_volume;
    if (informed.has(d.symbol) || d.prints < 2500) continue;
    const s = d.regular_session.off_exchange_share;
    assert.ok(s > LEAN_REGULAR_OFF_SHARE.min - 0.05 && s < LEAN_REGULAR_OFF_SHARE.max + 0.05, `${d.symbol} ${s}`);
  }
  assert.ok(off / all > LEAN_REGULAR_OFF_SHARE.min && off / all < LEAN_REGULAR_OFF_SHARE.max, `tape ${off / all}`);
});

test('the dark-pool engine finds off-exchange blocks, ISO sweeps across venues and unusual blocks on the synthetic tape', () => {
  const list = [...days.values()];
  assert.ok(list.every((d) => d.sweeps.sweeps > 0), 'every name has ISO sweeps');
  assert.ok(list.filter((d) => d.blocks > 0).length >= 0.9 * SYMBOLS, 'off-exchange blocks on nearly every name');
  assert.ok(list.reduce((s, d) => s + d.unusual_block_count, 0) > 20);
  const spy = days.get('SPY') as DarkPoolDay;
  assert.ok(spy.iso.prints > 0 || spy.sweeps.sweeps > 100);
  assert.ok(spy.side_sources.quote > spy.side_sources.tick, 'most prints carry an NBBO the quote rule can use');
});

test('non-informative and after-hours prints are excluded from side inference, and named by condition', () => {
  let nonInformative = 0, afterHours = 0;
  const conditions = new Set<string>();
  for (const d of days.values()) {
    nonInformative += d.excluded.non_informative;
    afterHours += d.excluded.after_hours;
    for (const c of Object.keys(d.excluded.by_condition)) conditions.add(c);
  }
  assert.ok(nonInformative > 50 && afterHours > 100, `${nonInformative} / ${afterHours}`);
  for (const c of ['average_price', 'derivatively_priced']) assert.ok(conditions.has(c), c);
});

test('accumulating names come out with a positive inferred dp_net_premium, distributing names negative, each with more imbalance than the typical name', () => {
  const informed = manifest.equity?.informed ?? [];
  assert.deepEqual(informed.map((n) => n.symbol), ['PLTR', 'GOOGL', 'NFLX', 'UBER', 'DIS']);
  const imbalance = (d: DarkPoolDay) => d.dp_net_premium / (d.dp_buy_premium + d.dp_sell_premium);
  const others = [...days.values()].filter((d) => !informed.some((n) => n.symbol === d.symbol)).map((d) => Math.abs(imbalance(d))).sort((a, b) => a - b);
  const median = others[Math.floor(others.length / 2)] as number;
  for (const n of informed) {
    const d = days.get(n.symbol) as DarkPoolDay;
    assert.ok(n.direction === 'accumulation' ? d.dp_net_premium > 0 : d.dp_net_premium < 0, `${n.symbol} ${n.direction} net ${d.dp_net_premium}`);
    assert.ok(Math.abs(imbalance(d)) > 2 * median, `${n.symbol} imbalance ${imbalance(d)} vs median ${median}`);
  }
});

test('the stock agrees with the option tape: regular-session prints within 1 s of a 5-minute boundary sit within a spread and 0.1% of the spot the options were valued on', () => {
  const universe = buildUniverse(SYMBOLS, SEED);
  const clock = newYorkDayClock(DATE);
  const open = clock.epochAt(570);
  const paths = new SpotPaths(universe, SEED, open, 78);
  const rank = new Map(universe.map((u) => [u.symbol, u.rank]));
  let checked = 0;
  for (const p of prints) {
    const offset = (p.ts - open) % BUCKET_MS;
    if (p.ts < open || p.ts >= clock.epochAt(960) || (offset > 1000 && offset < BUCKET_MS - 1000)) continue;
    if ((p.conditions & NON_INFORMATIVE_MASK) !== 0 || p.bid === null || p.ask === null) continue;
    const spot = paths.at(rank.get(p.symbol) as number, p.ts);
    assert.ok(Math.abs(p.price - spot) <= (p.ask - p.bid) + 0.001 * spot, `${p.symbol} ${p.price} vs spot ${spot}`);
    checked++;
  }
  assert.ok(checked > 500, `${checked}`);
});

test('same seed → byte-identical equity file; a different seed differs; the option files are the same bytes with or without --equity', async () => {
  const run = (seed: number, out: string, equityPrints?: number) => generateSyntheticTape({
    symbols: 12, prints: 3000, seed, date: DATE, outDir: join(dir, out), gzip: false, ...(equityPrints === undefined ? {} : { equityPrints }),
  });
  const [b1, , , plain] = [await run(5, 'b1', 20_000), await run(5, 'b2', 20_000), await run(6, 'c', 20_000), await run(5, 'plain')];
  const bytes = (d: string, f: string) => readFileSync(join(dir, d, f));
  assert.ok(bytes('b1', 'equity.csv').equals(bytes('b2', 'equity.csv')));
  assert.ok(bytes('b1', 'manifest.json').equals(bytes('b2', 'manifest.json')));
  assert.ok(!bytes('b1', 'equity.csv').equals(bytes('c', 'equity.csv')));
  for (const f of ['trades.csv', 'chains.csv']) assert.ok(bytes('b1', f).equals(bytes('plain', f)), f);
  assert.equal(plain.equity, undefined);
  assert.equal(plain.files.length, 2);
  const { equity: _equity, files, notes, ...rest } = b1;
  const { files: plainFiles, notes: plainNotes, ...plainRest } = plain;
  assert.deepEqual(rest, plainRest);
  assert.deepEqual(files.slice(0, 2), plainFiles);
  assert.deepEqual(notes.slice(0, plainNotes.length), plainNotes);
});

test('--gzip: equity.csv.gz decompresses to the plain file\'s bytes', async () => {
  await generateSyntheticTape({ symbols: 5, prints: 500, seed: 1, date: DATE, outDir: join(dir, 'gz'), gzip: true, equityPrints: 3000 });
  await generateSyntheticTape({ symbols: 5, prints: 500, seed: 1, date: DATE, outDir: join(dir, 'pl'), gzip: false, equityPrints: 3000 });
  assert.ok(gunzipSync(readFileSync(join(dir, 'gz', 'equity.csv.gz'))).equals(readFileSync(join(dir, 'pl', 'equity.csv'))));
});
