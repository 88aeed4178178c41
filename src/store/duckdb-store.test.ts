import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDbStore } from './duckdb-store.ts';
import { storeContract } from './store-contract.ts';

function harness(codedReadRows?: number) {
  return async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'duckdb-store-'));
    return { open: () => openDuckDbStore({ dataDir, codedReadRows }), dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  };
}

storeContract('DuckDB store', harness());
// The large-read plan (venue and condition through dictionaries) answers the same contract.
storeContract('DuckDB store, dictionary reads', harness(1));
