import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDbStore } from './duckdb-store.ts';
import { storeContract } from './store-contract.ts';

storeContract('DuckDB store', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'duckdb-store-'));
  return { open: () => openDuckDbStore({ dataDir }), dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
});
