import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { CryptoInputs } from '../core/crypto-score/crypto-inputs.ts';
import { CRYPTO_FAMILIES, type CryptoFamily } from '../ingest/crypto/crypto-layouts.ts';
import { type CryptoFiles, describeReads, loadCryptoInputs } from '../ingest/crypto/load-crypto-inputs.ts';
import { InputFormatError } from '../ingest/ingest-report.ts';
import type { CryptoScoreData } from './crypto-score-data.ts';

/**
 * CryptoScoreData over files named in a JSON config `{ "BTC": { "funding": ["a.csv", …], "fear_greed": "fg.csv", … } }`
 * (keys: funding, stablecoin, open_interest, price, long_short, volume, fear_greed; a path or a list of paths,
 * relative to the config file). Every file is read once, at load; `lines` says what each held.
 */
export async function loadCryptoFileData(configFile: string): Promise<{ data: CryptoScoreData; lines: string[] }> {
  let config: unknown;
  try {
    config = JSON.parse(await readFile(configFile, 'utf8'));
  } catch (e) {
    throw new InputFormatError(configFile, `not a readable JSON config (${(e as Error).message})`);
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new InputFormatError(configFile, 'expected an object { "ASSET": { "funding": [files], … } }');
  }
  const base = dirname(configFile);
  const byAsset = new Map<string, CryptoInputs>();
  const lines: string[] = [];
  for (const [rawAsset, entry] of Object.entries(config as Record<string, unknown>)) {
    const asset = rawAsset.toUpperCase();
    const files = filesOf(configFile, asset, entry, base);
    const loaded = await loadCryptoInputs(asset, files);
    byAsset.set(asset, loaded.inputs);
    for (const l of describeReads(loaded.reads)) lines.push(`${asset}: ${l}`);
  }
  return {
    data: { assets: () => [...byAsset.keys()].sort(), inputs: (asset) => byAsset.get(asset.toUpperCase()) ?? null },
    lines,
  };
}

function filesOf(configFile: string, asset: string, entry: unknown, base: string): CryptoFiles {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw new InputFormatError(configFile, `${asset}: expected an object of files per metric`);
  }
  const files: Partial<Record<CryptoFamily, string[]>> = {};
  for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
    if (!(CRYPTO_FAMILIES as readonly string[]).includes(key)) {
      throw new InputFormatError(configFile, `${asset}: unknown key ${JSON.stringify(key)}; expected ${CRYPTO_FAMILIES.join(', ')}`);
    }
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((p) => typeof p !== 'string')) {
      throw new InputFormatError(configFile, `${asset}.${key}: expected a path or a list of paths`);
    }
    files[key as CryptoFamily] = (list as string[]).map((p) => (isAbsolute(p) ? p : resolve(base, p)));
  }
  return files;
}
