import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { greeks } from '../../core/pricing/greeks.ts';
import { yearFraction } from '../../core/units.ts';
import { captureIo } from '../capture-io.ts';
import type { Command } from '../command.ts';
import { chexCommand } from './chex.ts';
import { dexCommand } from './dex.ts';
import { vexCommand } from './vex.ts';

/** DEX, VEX and CHEX share one formula, ± greek × OI × 100 × S, checked against core greeks.ts per greek. */
const CASES = [
  { kind: 'dex', command: dexCommand, greek: 'delta' },
  { kind: 'vex', command: vexCommand, greek: 'vanna' },
  { kind: 'chex', command: chexCommand, greek: 'charm' },
] as const satisfies readonly { kind: string; command: Command; greek: string }[];

for (const { kind, command, greek } of CASES) {
  test(`${kind}: net_${kind} = (long calls − short puts) × ${greek} of greeks.ts × OI × 100 × S, with the body of the gex command`, async () => {
    // T = 0.1 year: 876 hours before the 16:00 EDT expiry of 2024-03-15; S 100, σ 20 %, r = q = 0.
    const file = join(mkdtempSync(join(tmpdir(), `sm-${kind}-`)), 'chain.csv');
    writeFileSync(file, [
      'as_of,underlying,underlying_price,expiry,strike,right,open_interest,bid,ask,volume,iv',
      '2024-02-08T08:00:00Z,TEST,100,2024-03-15,100,C,1000,,,25,0.2',
      '2024-02-08T08:00:00Z,TEST,100,2024-03-15,95,P,2000,,,40,0.2',
    ].join('\n'));
    const io = captureIo();
    assert.equal(await command.run(['TEST', '--chain', file, '--rate', '0', '--dividend', '0'], io), 0);
    const body = JSON.parse(io.out());
    const t = yearFraction(0.1);
    const call = greeks({ spot: 100, strike: 100, t, r: 0, q: 0, sigma: 0.2, right: 'C' })[greek];
    const put = greeks({ spot: 100, strike: 95, t, r: 0, q: 0, sigma: 0.2, right: 'P' })[greek];
    const cents = (x: number) => Math.round(x * 100) / 100;
    assert.deepEqual(body.strikes.map((s: Record<string, number>) => [s.strike, s[`call_${kind}`], s[`put_${kind}`], s.call_oi, s.put_oi]), [
      [95, 0, cents(-2000 * put * 100 * 100), 0, 2000],
      [100, cents(1000 * call * 100 * 100), 0, 1000, 0],
    ]);
    assert.ok(Math.abs(body[`net_${kind}`] - (1000 * call - 2000 * put) * 10_000) < 0.01);
    assert.equal(body[`net_${kind}_label`], `${body[`net_${kind}`] > 0 ? 'positive' : 'negative'}_${greek}`);
    assert.match(body.unit, /^USD/);
  });
}
