import type { Command } from '../command.ts';
import { calibrateOiCommand } from './calibrate-oi.ts';
import { chexCommand } from './chex.ts';
import { cryptoScoreCommand } from './crypto-score.ts';
import { demoCommand } from './demo.ts';
import { darkpoolCommand } from './darkpool.ts';
import { dexCommand } from './dex.ts';
import { generateTapeCommand } from './generate-tape.ts';
import { gexCommand } from './gex.ts';
import { greeksCommand } from './greeks.ts';
import { ingestCommand } from './ingest.ts';
import { ivCommand } from './iv.ts';
import { leaderboardCommand } from './leaderboard.ts';
import { levelsCommand } from './levels.ts';
import { maxPainCommand } from './maxpain.ts';
import { signalsCommand } from './signals.ts';
import { smiCommand } from './smi.ts';
import { replayCommand } from './replay.ts';
import { serveCommand } from './serve.ts';
import { summaryCommand } from './summary.ts';
import { vexCommand } from './vex.ts';

/** Every command of bin/smartmoney, in the order `--help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [
  signalsCommand, summaryCommand,
  gexCommand, dexCommand, vexCommand, chexCommand, levelsCommand, maxPainCommand,
  greeksCommand, ivCommand,
  smiCommand, cryptoScoreCommand,
  darkpoolCommand, leaderboardCommand,
  ingestCommand, serveCommand, replayCommand,
  generateTapeCommand, calibrateOiCommand, demoCommand,
];
