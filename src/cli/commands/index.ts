import type { Command } from '../command.ts';
import { calibrateOiCommand } from './calibrate-oi.ts';
import { demoCommand } from './demo.ts';
import { generateTapeCommand } from './generate-tape.ts';
import { signalsCommand } from './signals.ts';
import { summaryCommand } from './summary.ts';

/** Every command of bin/smartmoney, in the order `--help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [
  signalsCommand, summaryCommand, generateTapeCommand, calibrateOiCommand, demoCommand,
];
