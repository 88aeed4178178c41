/** Rounding of numbers for the JSON bodies (CLI and API alike). */

/** To 4 decimals: prices per share (the tape's precision), ratios and index points. */
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** round4, keeping null. */
export const round4OrNull = (x: number | null): number | null => (x === null ? null : round4(x));
