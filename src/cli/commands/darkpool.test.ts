import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { captureIo } from '../capture-io.ts';
import { UsageError } from '../command.ts';
import { darkpoolCommand } from './darkpool.ts';
import { ingestCommand } from './ingest.ts';

const LEAN = fileURLToPath(new URL('../../../../shared/data/lean-us-equity-ticks-2013-10/', import.meta.url));
const FINRA = fileURLToPath(new URL('../../../../shared/data/finra-venue-short-volume-etfs/', import.meta.url));
const DAYS = ['2013-10-07', '2013-10-08', '2013-10-09', '2013-10-10', '2013-10-11'];

// Independent of this code: `awk -F, 'NR>1 && $6==0 {v+=$3; if($4=="D") dv+=$3}'` over each raw file (rows with
// LEAN's suspicious flag left out, as the reader excludes them). SPY 2013-10-08 D volume 45,966,310 is also
// SOURCE.md's "63,695 D prints for 45.97M shares".
const AWK: Record<string, [number, number][]> = {
  SPY: [[97_062_721, 22_171_825], [178_346_557, 45_966_310], [165_525_328, 36_987_258], [185_127_624, 46_156_115], [109_016_858, 23_815_497]],
  IBM: [[3_960_352, 1_228_746], [5_564_671, 1_910_405], [4_368_369, 1_404_544], [3_650_807, 1_168_262], [3_231_063, 845_359]],
  BAC: [[64_411_712, 25_623_204], [92_437_597, 34_155_211], [94_550_724, 33_920_279], [101_835_137, 38_230_536], [83_213_319, 30_465_979]],
  AIG: [[5_300_449, 1_557_542], [8_774_223, 2_543_239], [10_371_011, 3_115_653], [11_388_781, 3_720_060], [6_762_710, 1_980_511]],
};

interface DayBody {
  date: string; total_volume: number; off_exchange_volume: number; off_exchange_share: number;
  dp_premium: number; dp_buy_premium: number; dp_sell_premium: number; dp_unknown_premium: number;
  side_sources: { quote: number; tick: number; unknown: number };
  levels: { kind: string; share_of_dp_volume: number; price_low: number; price_high: number }[];
  last_price: number; excluded: { prints: number; after_hours: number; non_informative: number };
}

test('darkpool on the real LEAN tapes (SPY, IBM, BAC, AIG, 2013-10-07…11): volumes equal awk over the raw files, off-exchange 20–41%',
  { skip: existsSync(LEAN) ? false : 'needs ../shared/data/lean-us-equity-ticks-2013-10' }, async () => {
    for (const [symbol, expected] of Object.entries(AWK)) {
      const trades = DAYS.flatMap((d) => ['--trades', join(LEAN, `${symbol}_${d}_trades.csv.gz`)]);
      const quotes = DAYS.map((d) => join(LEAN, `${symbol}_${d}_quotes.csv.gz`)).filter(existsSync).flatMap((f) => ['--quotes', f]);
      const io = captureIo();
      assert.equal(await darkpoolCommand.run([symbol, ...trades, ...quotes, '--levels', '3'], io), 0);
      const body = JSON.parse(io.out()) as { days: DayBody[] };
      assert.deepEqual(body.days.map((d) => d.date), DAYS);
      body.days.forEach((d, i) => {
        const [total, off] = expected[i] as [number, number];
        assert.equal(d.total_volume, total, `${symbol} ${d.date} total`);
        assert.equal(d.off_exchange_volume, off, `${symbol} ${d.date} off-exchange`);
        // 2013 large caps: roughly a fifth to two fifths of volume off-exchange (SPY lowest, BAC highest).
        assert.ok(d.off_exchange_share > 0.2 && d.off_exchange_share < 0.41, `${symbol} ${d.date} share ${d.off_exchange_share}`);
        assert.ok(Math.abs(d.dp_buy_premium + d.dp_sell_premium + d.dp_unknown_premium - d.dp_premium) < 0.05);
        assert.equal(d.levels.length, 3);
        for (const l of d.levels) {
          const expectedKind = l.price_high <= d.last_price ? 'support' : l.price_low > d.last_price ? 'resistance' : 'at_last';
          assert.equal(l.kind, expectedKind);
        }
        assert.ok(d.excluded.prints > 0 && d.excluded.prints <= d.excluded.after_hours + d.excluded.non_informative);
        // Quotes exist only for IBM and BAC; without them every informative print is signed by the tick test.
        if (quotes.length === 0) assert.equal(d.side_sources.quote, 0);
        else assert.ok(d.side_sources.quote > 4 * d.side_sources.tick, `${symbol} ${d.date} quote-signed majority`);
      });
      if (symbol === 'SPY') assert.match(io.err(), /SPY_2013-10-10_trades\.csv\.gz: 460032 rows read, 460022 accepted, 0 rejected, 10 excluded \(LEAN suspicious flag set: 10\)/);
    }
  });

test('FINRA sanity check: IWM 2013-10-08 off-exchange share from the Reg SHO venue files (23.9%, an upper bound) is of SPY\'s magnitude',
  { skip: existsSync(FINRA) ? false : 'needs ../shared/data/finra-venue-short-volume-etfs' }, () => {
    // FINRA facilities (FNSQ, FNYX, FNRA_D) over FINRA + the exchange files covering 2013 (ARCA, BATS, BYXX, EDGA,
    // EDGX, NPSX, NQBX). Nasdaq's and NYSE's own exchange volume are not in the set, so this over-states the share.
    const finra = ['2_FNSQ', '2_FNYX', '2_FNRA_D'], exchanges = ['1_ARCA', '3_BATS', '3_BYXX', '3_EDGA', '3_EDGX', '4_NPSX', '4_NQBX'];
    const sum = (files: string[], date: string): number => files.reduce((s, f) => {
      const text = gunzipSync(readFileSync(join(FINRA, `${f}.psv.gz`))).toString('utf8');
      const row = text.split('\n').find((l) => l.startsWith(`${date.replaceAll('-', '')}|IWM|`));
      return s + (row === undefined ? 0 : Number(row.split('|')[4]));
    }, 0);
    // 2013-10-08 by hand from the files: FNSQ 9,228,593 + FNYX 893,942 = 10,122,535 of 42,350,304 → 23.9%.
    const fin = sum(finra, '2013-10-08'), all = fin + sum(exchanges, '2013-10-08');
    assert.equal(fin, 10_122_535);
    assert.equal(Math.round((1000 * fin) / all), 239);
  });

test('darkpool CLI: canonical CSV by hand, --date filter, usage errors', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sm-dp-')), 'prints.csv');
  writeFileSync(file, [
    'ts,symbol,price,size,exchange,conditions,bid,ask',
    '2013-10-08T10:00:00-04:00,IBM,179.50,20000,D,,179.50,179.52', // at the bid: a sell
    '2013-10-08T10:00:01-04:00,IBM,179.51,100,Q,,,',
    '2013-10-08T10:00:02-04:00,AIG,47.00,100,D,,,',
    '2013-10-09T10:00:00-04:00,IBM,180.00,100,D,average_price,,',
  ].join('\n'));
  const io = captureIo();
  assert.equal(await darkpoolCommand.run(['ibm', '--trades', file, '--date', '2013-10-08', '--block-shares', '5000'], io), 0);
  const body = JSON.parse(io.out());
  assert.equal(body.settings.block_shares, 5000);
  assert.equal(body.days.length, 1);
  const d = body.days[0];
  assert.deepEqual([d.total_volume, d.off_exchange_volume, d.dp_premium, d.dp_sell_premium, d.blocks], [20_100, 20_000, 3_590_000, 3_590_000, 1]);
  assert.match(io.err(), /2 accepted prints of another symbol or date skipped/);
  const help = captureIo();
  assert.equal(await darkpoolCommand.run(['--help'], help), 0);
  assert.match(help.out(), /IBM_2013-10-08_trades\.csv\.gz --quotes/);
  await assert.rejects(darkpoolCommand.run(['IBM'], captureIo()), UsageError);
  await assert.rejects(darkpoolCommand.run(['--trades', file], captureIo()), UsageError);
  await assert.rejects(darkpoolCommand.run(['IBM', '--trades', file, '--block-rule', 'any'], captureIo()), UsageError);
});

test('darkpool --data: real LEAN IBM (trades + quotes) and AIG 2013-10-08 ingested into a store give the JSON the files give (IBM volumes equal awk over the raw file)',
  existsSync(LEAN) ? {} : { skip: 'needs ../shared/data/lean-us-equity-ticks-2013-10' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-dp-store-'));
    try {
      const [ibmT, ibmQ, aigT] = ['IBM_2013-10-08_trades.csv.gz', 'IBM_2013-10-08_quotes.csv.gz', 'AIG_2013-10-08_trades.csv.gz'].map((f) => join(LEAN, f)) as [string, string, string];
      assert.equal(await ingestCommand.run([ibmT, ibmQ, aigT, '--data', dir, '--no-signals'], captureIo()), 0);
      for (const extra of [[], ['--date', '2013-10-08'], ['--levels', '3', '--block-shares', '5000']]) {
        const files = captureIo(), stored = captureIo();
        assert.equal(await darkpoolCommand.run(['IBM', '--trades', ibmT, '--quotes', ibmQ, ...extra], files), 0);
        assert.equal(await darkpoolCommand.run(['IBM', '--data', dir, ...extra], stored), 0);
        assert.equal(stored.out(), files.out(), extra.join(' '));
      }
      const ibm = JSON.parse((await run(['IBM', '--data', dir])).out()) as { days: DayBody[] };
      assert.deepEqual(ibm.days.map((d) => [d.date, d.total_volume, d.off_exchange_volume]), [['2013-10-08', ...(AWK.IBM?.[1] ?? [])]]);
      const aig = JSON.parse((await run(['AIG', '--data', dir, '--date', '2013-10-08'])).out()) as { days: DayBody[] };
      assert.deepEqual(aig.days.map((d) => [d.total_volume, d.off_exchange_volume]), [AWK.AIG?.[1]]);
      assert.deepEqual(JSON.parse((await run(['IBM', '--data', dir, '--date', '2013-10-09'])).out()).days, []);
      await assert.rejects(darkpoolCommand.run(['IBM', '--trades', ibmT, '--data', dir], captureIo()), (e: Error) => e instanceof UsageError && /not both/.test(e.message));
      await assert.rejects(darkpoolCommand.run(['IBM', '--quotes', ibmQ, '--data', dir], captureIo()), UsageError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

async function run(argv: string[]) {
  const io = captureIo();
  assert.equal(await darkpoolCommand.run(argv, io), 0);
  return io;
}
