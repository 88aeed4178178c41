/**
 * A progress line on stderr for long runs: rows so far and the rate, redrawn at most four times a second.
 * Off when stderr is not a terminal (pipes, CI, tests), so logs stay clean.
 */
export class Progress {
  private rows = 0;
  private last = 0;
  private readonly start = Date.now();
  private readonly enabled: boolean;

  constructor(private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean }, private readonly label: string) {
    this.enabled = stderr.isTTY === true;
  }

  add(rows: number): void {
    this.rows += rows;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 250) return;
    this.last = now;
    const secs = Math.max(1e-3, (now - this.start) / 1000);
    this.stderr.write(`\r${this.label}: ${this.rows.toLocaleString('en-US')} rows, ${Math.round(this.rows / secs).toLocaleString('en-US')} rows/s `);
  }

  done(): void {
    if (this.enabled && this.last > 0) this.stderr.write('\r\x1b[K');
  }
}
