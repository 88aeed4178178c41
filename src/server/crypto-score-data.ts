import type { CryptoInputs } from '../core/crypto-score/crypto-inputs.ts';

/** Where the crypto route gets its inputs: the assets it knows and each one's time series. */
export interface CryptoScoreData {
  assets(): readonly string[];
  /** The inputs of `asset` (upper case), or null for an asset it does not know. */
  inputs(asset: string): CryptoInputs | null;
}
