import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIo } from '../capture-io.ts';
import { maxPainCommand } from './maxpain.ts';

test('maxpain: the hand-computed textbook chain on a chain without spot or quotes (Yahoo-like): max pain 100 and the whole curve, per expiry', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sm-maxpain-')), 'chain.csv');
  const at = '2024-01-10T15:45:00-05:00';
  writeFileSync(file, [
    'as_of,underlying,underlying_price,expiry,strike,right,open_interest,bid,ask,volume,iv',
    // 2024-01-19: calls OI 90:50, 100:400, 110:1000; puts OI 90:800, 100:300, 110:20 (max-pain.test.ts by hand)
    `${at},XYZ,,2024-01-19,90,C,50,,,,`, `${at},XYZ,,2024-01-19,100,C,400,,,,`, `${at},XYZ,,2024-01-19,110,C,1000,,,,`,
    `${at},XYZ,,2024-01-19,90,P,800,,,,`, `${at},XYZ,,2024-01-19,100,P,300,,,,`, `${at},XYZ,,2024-01-19,110,P,20,,,,`,
    `${at},XYZ,,2024-02-16,90,C,99999,,,,`,
  ].join('\n'));
  const io = captureIo();
  assert.equal(await maxPainCommand.run(['xyz', '--chain', file, '--expiration', '2024-01-19'], io), 0);
  const body = JSON.parse(io.out());
  assert.equal(body.symbol, 'XYZ');
  assert.equal(body.underlying_price, null);
  assert.equal(body.underlying_price_reason, 'no_put_call_pairs');
  assert.equal(body.max_pain_strike, 100);
  assert.deepEqual(body.pain_curve, [
    { strike: 90, call_pain: 0, put_pain: 340000, total_pain: 340000 },
    { strike: 100, call_pain: 50000, put_pain: 20000, total_pain: 70000 },
    { strike: 110, call_pain: 500000, put_pain: 0, total_pain: 500000 },
  ]);
  assert.equal(body.contracts.other_expiration, 1);
  const all = captureIo();
  assert.equal(await maxPainCommand.run(['XYZ', '--chain', file], all), 0);
  assert.deepEqual(JSON.parse(all.out()).expirations, ['2024-01-19', '2024-02-16']);
  assert.equal(JSON.parse(all.out()).max_pain_strike, 90, 'the big 90 call of the next expiry pulls the all-expiry max pain down to 90');
});
