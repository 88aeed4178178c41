import type { Command } from '../command.ts';

/** Every command of bin/smartmoney, in the order `--help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [];
