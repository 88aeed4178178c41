import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../core/units.ts';
import { chainContractFromFields, CHAIN_COLUMNS } from '../ingest/canonical-chain.ts';
import { appendChainRows, expectedOpenInterest } from './chain-snapshot.ts';
import { buildListedChain, contractRefKey, expiryCloseMs } from './listed-chain.ts';
import { newYorkDayClock } from './new-york-day-clock.ts';
import { Prng } from './prng.ts';
import { buildUniverse } from './underlying-universe.ts';

const tradeDate = isoDate('2025-03-14');
const asOfMs = expiryCloseMs(isoDate('2025-03-13'));
const at = { asOfMs, asOfText: newYorkDayClock(isoDate('2025-03-13')).format(asOfMs) };
const universe = buildUniverse(1000, 2);

function parsed(rank: number) {
  const u = universe[rank];
  if (u === undefined) throw new Error(`no rank ${rank}`);
  const chain = buildListedChain(u, tradeDate, asOfMs, Prng.fromSeed(2, rank));
  const rows: string[] = [];
  const n = appendChainRows(u, chain, at, Prng.fromSeed(9, rank), rows);
  const contracts = rows.map((line) => {
    const f = line.split(',');
    return chainContractFromFields((c) => f[CHAIN_COLUMNS.indexOf(c)]);
  });
  return { u, chain, n, rows, contracts };
}

test('one chain row per listed contract, each valid for the canonical chain parser, stamped 2025-03-13T16:00:00.000-04:00', () => {
  const { chain, n, rows, contracts } = parsed(0);
  assert.equal(n, chain.expiries.reduce((s, e) => s + 2 * e.strikesCents.length, 0));
  assert.equal(rows.length, n);
  assert.ok(rows.every((r) => r.startsWith('2025-03-13T16:00:00.000-04:00,SPY,551.42,')));
  assert.ok(contracts.every((c) => c.bid !== null && c.ask !== null && c.bid < c.ask && c.iv !== null && c.iv > 0));
});

test('SPY at-the-money front-month OI is of the order of real SPY chains (~10⁵ contracts), tail names ~10²', () => {
  const { u, chain } = parsed(0);
  const monthly = chain.expiries.find((e) => e.kind === 'monthly');
  assert.ok(monthly !== undefined);
  const spy = expectedOpenInterest(u, monthly, 55100, 'C', 7 / 365);
  assert.ok(spy > 5e4 && spy < 3e5, `SPY ATM monthly ${spy}`);
  const tail = parsed(999);
  const e = tail.chain.expiries[0];
  assert.ok(e !== undefined);
  const k = e.strikesCents[Math.floor(e.strikesCents.length / 2)] ?? 0;
  const small = expectedOpenInterest(tail.u, e, k, 'C', 30 / 365);
  assert.ok(small > 5 && small < 2000, `rank-1000 ATM ${small}`);
});

test('opening targets get a settled OI of at most 150 contracts', () => {
  const { chain, contracts } = parsed(3);
  const targets = new Set(chain.openingTargets.map(contractRefKey));
  assert.ok(targets.size > 0);
  let i = 0;
  chain.expiries.forEach((e, ei) => {
    for (let ki = 0; ki < e.strikesCents.length; ki++) {
      for (const right of ['C', 'P'] as const) {
        const c = contracts[i++];
        if (targets.has(contractRefKey({ expiry: ei, strike: ki, right }))) assert.ok((c?.openInterest ?? 999) <= 150);
      }
    }
  });
});
