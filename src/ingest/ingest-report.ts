/**
 * What happened to each row of an input: accepted, or rejected with the file, line, field and value.
 * Invariant (tested): rowsRead = accepted + rejected. Rejections are never silent: every one is counted,
 * the first `keep` are kept in full for the report, and counts are kept per field and reason.
 */

/** One rejected row: where it is and why. */
export interface RowRejection {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly value: string;
  readonly reason: string;
}

/** A row could not be read. The message names the file, line, field and the bad value. */
export class RowRejectedError extends Error {
  constructor(readonly rejection: RowRejection) {
    super(formatRejection(rejection));
    this.name = 'RowRejectedError';
  }
}

/** A field of a row is bad; thrown by field parsers, turned into a RowRejection by the row loop. */
export class FieldError extends Error {
  constructor(readonly field: string, readonly value: string, readonly reason: string) {
    super(`${field} was ${JSON.stringify(value)}; ${reason}`);
    this.name = 'FieldError';
  }
}

/**
 * Thrown by a row parser when the format's own rules leave the row out (a cancelled trade, a contract without
 * reported OI). Not a FieldError: the row is counted as excluded, not rejected, and strict mode does not stop.
 */
export class RowExcluded extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RowExcluded';
  }
}

/** A whole file cannot be read (unknown format, missing header column). Not a row problem. */
export class InputFormatError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'InputFormatError';
  }
}

export function formatRejection(r: RowRejection): string {
  return `${r.file}:${r.line}: field ${r.field} was ${JSON.stringify(r.value)}; ${r.reason}`;
}

export class IngestReport {
  rowsRead = 0;
  accepted = 0;
  rejected = 0;
  /** Rows deliberately left out by the format's own rules (e.g. cancelled trades), counted apart from rejections. */
  excluded = 0;
  readonly excludedReasons = new Map<string, number>();
  readonly rejections: RowRejection[] = [];
  readonly rejectionCounts = new Map<string, number>();

  constructor(readonly keep = 1000) {}

  accept(): void {
    this.rowsRead++;
    this.accepted++;
  }

  exclude(reason: string): void {
    this.rowsRead++;
    this.excluded++;
    this.excludedReasons.set(reason, (this.excludedReasons.get(reason) ?? 0) + 1);
  }

  reject(r: RowRejection): void {
    this.rowsRead++;
    this.rejected++;
    if (this.rejections.length < this.keep) this.rejections.push(r);
    const key = `${r.field}: ${r.reason}`;
    this.rejectionCounts.set(key, (this.rejectionCounts.get(key) ?? 0) + 1);
  }

  merge(other: IngestReport): void {
    this.rowsRead += other.rowsRead;
    this.accepted += other.accepted;
    this.rejected += other.rejected;
    this.excluded += other.excluded;
    for (const [k, v] of other.excludedReasons) this.excludedReasons.set(k, (this.excludedReasons.get(k) ?? 0) + v);
    for (const r of other.rejections) if (this.rejections.length < this.keep) this.rejections.push(r);
    for (const [k, v] of other.rejectionCounts) this.rejectionCounts.set(k, (this.rejectionCounts.get(k) ?? 0) + v);
  }

  toJSON(): object {
    return {
      rows_read: this.rowsRead,
      accepted: this.accepted,
      rejected: this.rejected,
      excluded: this.excluded,
      excluded_reasons: Object.fromEntries(this.excludedReasons),
      rejection_counts: Object.fromEntries(this.rejectionCounts),
      rejections: this.rejections,
    };
  }
}

/** Options every row parser takes. */
export interface ParseOptions {
  readonly report: IngestReport;
  /** Stop at the first bad row: throw RowRejectedError instead of counting it. */
  readonly strict: boolean;
}

/**
 * Runs one row through `parse`; a FieldError becomes a counted rejection (or, when strict, a thrown
 * RowRejectedError). Returns the parsed value or null when rejected.
 */
export function parseRow<T, A = undefined>(file: string, line: number, opts: ParseOptions, parse: (arg: A) => T, arg?: A): T | null {
  try {
    const v = parse(arg as A);
    opts.report.accept();
    return v;
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    const rejection: RowRejection = { file, line, field: e.field, value: e.value, reason: e.reason };
    opts.report.reject(rejection);
    if (opts.strict) throw new RowRejectedError(rejection);
    return null;
  }
}

/** parseRow, plus: a RowExcluded thrown by `parse` is counted with report.exclude(reason) and gives null. */
export function parseRowOrExclude<T, A = undefined>(
  file: string, line: number, opts: ParseOptions, parse: (arg: A) => T, arg?: A,
): T | null {
  try {
    return parseRow(file, line, opts, parse, arg);
  } catch (e) {
    if (!(e instanceof RowExcluded)) throw e;
    opts.report.exclude(e.reason);
    return null;
  }
}
