import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { IngestReport, InputFormatError } from './ingest-report.ts';
import { type TradeFormat, TRADE_FORMATS, detectTradeFormat, readFirstLine, readTrades } from './trade-sources.ts';

const fixtures = fileURLToPath(new URL('../../test-fixtures/ingest/', import.meta.url));

const CANONICAL_CSV = [
  'ts,underlying,expiry,strike,right,price,size,bid,ask,exchange,condition,side',
  '2016-06-01T10:15:30.250-04:00,VIX,2016-06-15,17,C,0.95,20,0.9,1,5,0,',
  '2016-06-01T10:16:00-04:00,VIX,2016-06-15,17,C,0.95,0,0.9,1,5,0,',
].join('\n') + '\n';
const CANONICAL_NDJSON = [
  '{"ts":"2016-06-01T10:15:30.250-04:00","underlying":"VIX","expiry":"2016-06-15","strike":17,"right":"C","price":0.95,"size":20,"bid":0.9,"ask":1}',
  '{"ts":1464790560000,"underlying":"VIX","expiry":"2016-06-15","strike":17,"right":"C","price":0.95,"size":-3,"bid":0.9,"ask":1}',
].join('\n') + '\n';

async function collect(gen: AsyncGenerator<OptionTrade[]>): Promise<OptionTrade[]> {
  const out: OptionTrade[] = [];
  for await (const b of gen) out.push(...b);
  return out;
}

async function withFiles(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'trade-sources-'));
  try {
    await writeFile(join(dir, 'trades.csv'), CANONICAL_CSV);
    await writeFile(join(dir, 'trades.csv.gz'), gzipSync(CANONICAL_CSV));
    await writeFile(join(dir, 'trades.ndjson'), CANONICAL_NDJSON);
    await writeFile(join(dir, 'empty.csv'), '');
    await run(dir);
  } finally {
    await rm(dir, { recursive: true });
  }
}

test('trade format detection reads the first line, through gzip, and names each supported format', async () => {
  await withFiles(async (dir) => {
    assert.equal(await detectTradeFormat(join(dir, 'trades.csv')), 'canonical-csv');
    assert.equal(await detectTradeFormat(join(dir, 'trades.csv.gz')), 'canonical-csv');
    assert.equal(await detectTradeFormat(join(dir, 'trades.ndjson')), 'canonical-ndjson');
    assert.equal(await detectTradeFormat(join(fixtures, 'cboe/datashop-option-trades.csv')), 'cboe-datashop');
    assert.equal(await detectTradeFormat(join(fixtures, 'cboe/datashop-option-trades-calcs.csv')), 'cboe-datashop');
  });
});

test('an unknown or empty trade file is an InputFormatError naming the file and listing every trade format', async () => {
  const chain = join(fixtures, 'yahoo/2025-12-01_XYZ.csv');
  await assert.rejects(detectTradeFormat(chain), (e: unknown) =>
    e instanceof InputFormatError && e.message.startsWith(chain) && TRADE_FORMATS.every((f) => e.message.includes(f)));
  await withFiles(async (dir) => {
    await assert.rejects(detectTradeFormat(join(dir, 'empty.csv')), /empty file/);
  });
});

test('contract suite, every trade adapter: accepted + rejected + excluded = rows read; trades are well-formed', async () => {
  await withFiles(async (dir) => {
    const cases: Array<[string, TradeFormat, number]> = [
      [join(dir, 'trades.csv'), 'canonical-csv', 1],
      [join(dir, 'trades.csv.gz'), 'canonical-csv', 1],
      [join(dir, 'trades.ndjson'), 'canonical-ndjson', 1],
      [join(fixtures, 'cboe/datashop-option-trades.csv'), 'cboe-datashop', 6],
      [join(fixtures, 'cboe/datashop-option-trades-bad-rows.csv'), 'cboe-datashop', 2],
    ];
    for (const [file, format, accepted] of cases) {
      for (const explicit of [undefined, format]) {
        const report = new IngestReport();
        const trades = await collect(readTrades(file, { report, strict: false, ...(explicit ? { format: explicit } : {}) }));
        assert.equal(trades.length, accepted, file);
        assert.equal(report.accepted, accepted, file);
        assert.equal(report.accepted + report.rejected + report.excluded, report.rowsRead, file);
        for (const t of trades) {
          assert.ok(Number.isFinite(t.ts) && t.strike > 0 && Number.isInteger(t.size) && t.size > 0, file);
          assert.ok(t.price >= 0 && t.bid >= 0 && t.ask >= 0, file);
          assert.match(t.expiry, /^\d{4}-\d{2}-\d{2}$/);
          assert.ok(t.right === 'C' || t.right === 'P');
        }
      }
    }
  });
});

test('first line: BOM and CRLF are stripped, gzip is read from its first bytes, a corrupt gzip is an input error', async () => {
  await withFiles(async (dir) => {
    await writeFile(join(dir, 'bom.csv'), '\ufeffa,b\r\n1,2\r\n');
    assert.equal(await readFirstLine(join(dir, 'bom.csv')), 'a,b');
    assert.equal(await readFirstLine(join(dir, 'trades.csv.gz')), CANONICAL_CSV.split('\n')[0]);
    assert.equal(await readFirstLine(join(dir, 'empty.csv')), null);
    await writeFile(join(dir, 'bad.gz'), Buffer.from([0x1f, 0x8b, 0x00, 0x01, 0x02, 0x03, 0x04]));
    await assert.rejects(readFirstLine(join(dir, 'bad.gz')), (e: unknown) => e instanceof InputFormatError && e.message.includes('bad.gz'));
  });
});
