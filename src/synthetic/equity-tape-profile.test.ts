import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EquityPrint } from '../core/dark-pool/equity-print.ts';
import type { EpochMs, PricePerShare, Shares } from '../core/units.ts';
import { readEquityPrints } from '../ingest/equity-sources.ts';
import { IngestReport } from '../ingest/ingest-report.ts';
import { EquityTapeProfile } from './equity-tape-profile.ts';

const IBM = fileURLToPath(new URL('../../../shared/data/lean-us-equity-ticks-2013-10/IBM_2013-10-08_trades.csv.gz', import.meta.url));

test('IBM 2013-10-08 (LEAN), regular session: the shape matches an awk count over the raw file',
  { skip: existsSync(IBM) ? false : 'needs ../shared/data/lean-us-equity-ticks-2013-10' }, async () => {
    const profile = new EquityTapeProfile();
    for await (const batch of readEquityPrints(IBM, { report: new IngestReport(), strict: false })) for (const p of batch) profile.add(p);
    const s = profile.shape();
    // awk over 09:30 ≤ t < 16:00 rows: 33,323 prints, 5,203,752 shares, 1,820,089 on D, 14,250 with bit 5 set,
    // 25,268 of exactly 100 shares; sorted sizes give median 100, p90 200, p99 850.
    assert.equal(s.prints, 33_323);
    assert.equal(s.volume, 5_203_752);
    assert.ok(Math.abs(s.offExchangeVolumeShare - 1_820_089 / 5_203_752) < 1e-12);
    assert.ok(Math.abs(s.isoPrintShare - 14_250 / 33_323) < 1e-12);
    assert.ok(Math.abs(s.hundredShare - 25_268 / 33_323) < 1e-12);
    assert.deepEqual([s.medianSize, s.p90Size, s.p99Size], [100, 200, 850]);
    assert.equal(s.oddLotShare, 0, 'odd lots joined the consolidated tape on 2013-12-09');
  });

test('hand example: five prints, one after hours; blocks by Reg NMS size or dollars; ISO and average-price counted', () => {
  const at = (h: number, m: number) => Date.parse(`2025-03-14T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00-04:00`) as EpochMs;
  const p = (ts: EpochMs, price: number, size: number, exchange: string, conditions: number): EquityPrint => ({
    ts, symbol: 'X', price: price as PricePerShare, size: size as Shares, exchange, conditions, bid: null, ask: null,
  });
  const prof = new EquityTapeProfile();
  prof.add(p(at(10, 0), 10, 100, 'Q', 0));
  prof.add(p(at(10, 1), 10, 50, 'D', 0));
  prof.add(p(at(10, 2), 10, 20_000, 'D', 1 << 20));
  prof.add(p(at(10, 3), 10, 300, 'P', 1 << 5));
  prof.add(p(at(17, 0), 10, 999_999, 'D', 0));
  const s = prof.shape();
  assert.equal(s.prints, 4);
  assert.equal(s.volume, 20_450);
  assert.equal(s.offExchangeVolumeShare, 20_050 / 20_450);
  assert.equal(s.blockVolumeShare, 20_000 / 20_450);
  assert.equal(s.offExchangeBlocksPerThousand, 500);
  assert.equal(s.nonInformativeOffExchangeShare, 0.5);
  assert.equal(s.isoPrintShare, 0.25);
  assert.deepEqual([s.medianSize, s.oddLotShare, s.hundredShare], [100, 0.25, 0.25]);
});
