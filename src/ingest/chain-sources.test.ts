import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { IsoDate } from '../core/units.ts';
import { VENDOR_IV_FLOOR } from './canonical-chain.ts';
import { CHAIN_FORMATS, type ChainFormat, detectChainFormat, readAllChains, readChain } from './chain-sources.ts';
import { IngestReport, InputFormatError } from './ingest-report.ts';

const fixtures = fileURLToPath(new URL('../../test-fixtures/ingest/', import.meta.url));
const realLean = fileURLToPath(new URL('../../../shared/data/lean-option-chains-oi/universes/SPX_2015-12-22.csv.gz', import.meta.url));
const needsShared = existsSync(realLean) ? {} : { skip: 'needs ../shared/data' };

const CASES: Array<[string, ChainFormat, number]> = [
  ['canonical/chain.csv', 'canonical-csv', 4],
  ['canonical/chain.ndjson', 'canonical-ndjson', 3],
  ['canonical/chain-bad-rows.csv', 'canonical-csv', 2],
  ['lean/GOOG_2015-12-23.csv', 'lean-universe', 16],
  ['lean/spy/20240102.csv', 'lean-universe', 8],
  ['lean-bad-rows/GOOG_2015-12-23.csv', 'lean-universe', 6],
  ['yahoo/2025-12-01_XYZ.csv', 'yahoo', 7],
  ['yahoo-bad-rows/2025-12-01_XYZ.csv', 'yahoo', 2],
];

async function collect(gen: AsyncGenerator<ChainContract[]>): Promise<ChainContract[]> {
  const out: ChainContract[] = [];
  for await (const b of gen) out.push(...b);
  return out;
}

test('chain format detection names every fixture\'s format from its first line', async () => {
  for (const [file, format] of CASES) assert.equal(await detectChainFormat(join(fixtures, file)), format, file);
});

test('chain format detection is gzip-transparent: a gzipped LEAN universe keeps its name and format', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chain-sources-'));
  try {
    const file = join(dir, 'GOOG_2015-12-23.csv.gz');
    await writeFile(file, gzipSync(await readFile(join(fixtures, 'lean/GOOG_2015-12-23.csv'))));
    assert.equal(await detectChainFormat(file), 'lean-universe');
    assert.equal((await collect(readChain(file, { report: new IngestReport(), strict: true }))).length, 16);
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('real gzipped LEAN SPX universe (no underlying row) is detected and read', needsShared, async () => {
  assert.equal(await detectChainFormat(realLean), 'lean-universe');
  const rows = await collect(readChain(realLean, { report: new IngestReport(), strict: true }));
  assert.ok(rows.length > 100 && rows.every((r) => r.underlying === 'SPX' && r.underlyingPrice === null));
});

test('a trade file is not a chain: InputFormatError naming the file and listing every chain format', async () => {
  const file = join(fixtures, 'cboe/datashop-option-trades.csv');
  await assert.rejects(detectChainFormat(file), (e: unknown) =>
    e instanceof InputFormatError && e.message.startsWith(file) && CHAIN_FORMATS.every((f) => e.message.includes(f)));
});

test('canonical chains carry their own underlying and as_of: overriding them is an InputFormatError, not ignored', async () => {
  const file = join(fixtures, 'canonical/chain.csv');
  await assert.rejects(collect(readChain(file, { report: new IngestReport(), strict: true, underlying: 'X' })), InputFormatError);
  await assert.rejects(collect(readChain(file, { report: new IngestReport(), strict: true, asOf: '2024-01-02' as IsoDate })), InputFormatError);
});

test('contract suite, every chain adapter: accepted + rejected + excluded = rows read; contracts are well-formed', async () => {
  for (const [file, format, accepted] of CASES) {
    for (const explicit of [undefined, format]) {
      const report = new IngestReport();
      const rows = await collect(readChain(join(fixtures, file), { report, strict: false, ...(explicit ? { format: explicit } : {}) }));
      assert.equal(rows.length, accepted, file);
      assert.equal(report.accepted + report.rejected + report.excluded, report.rowsRead, file);
      for (const c of rows) {
        assert.ok(Number.isFinite(c.asOf) && c.strike > 0 && Number.isInteger(c.openInterest) && c.openInterest >= 0, file);
        assert.ok(c.underlying !== '' && c.underlying === c.underlying.toUpperCase(), file);
        assert.match(c.expiry, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(c.right === 'C' || c.right === 'P');
        assert.ok(c.underlyingPrice === null || c.underlyingPrice > 0, file);
        for (const v of [c.bid, c.ask, c.volume]) assert.ok(v === null || v >= 0, file);
        if (!format.startsWith('canonical')) assert.ok(c.iv === null || c.iv >= VENDOR_IV_FLOOR, file);
      }
    }
  }
});

test('readAllChains reads several files of different formats, in file order', async () => {
  const files = ['lean/GOOG_2015-12-23.csv', 'yahoo/2025-12-01_XYZ.csv', 'canonical/chain.csv'].map((f) => join(fixtures, f));
  const report = new IngestReport();
  const all = await readAllChains(files, { report, strict: true });
  assert.equal(all.length, 16 + 7 + 4);
  assert.deepEqual([all[0]?.underlying, all[16]?.underlying, all[23]?.underlying], ['GOOG', 'XYZ', 'GOOG']);
  assert.equal(report.excluded, 2);
});
