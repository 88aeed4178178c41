/** One event of the stream: its server-wide id, the SSE event name, the underlying it concerns and its JSON data. */
export interface StreamEvent {
  readonly id: number;
  readonly event: string;
  readonly symbol: string;
  readonly data: string;
}

/**
 * The last `capacity` events, with ids 1, 2, 3, … assigned here in push order (monotonic for the life of the
 * server). A client that reconnects with the id of the last event it saw gets every later one still held:
 * resume is gapless as long as the client was away for fewer than `capacity` events.
 */
export class EventRing {
  private readonly events: StreamEvent[] = [];
  private start = 0;
  private nextId = 1;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity was ${capacity}; expected a whole number ≥ 1`);
  }

  /** Appends an event with the next id (dropping the oldest when full) and returns it. */
  push(event: string, symbol: string, data: string): StreamEvent {
    const e: StreamEvent = { id: this.nextId++, event, symbol, data };
    if (this.events.length - this.start >= this.capacity) this.start++;
    this.events.push(e);
    // Compact now and then rather than shift() on every push (O(n) each).
    if (this.start > 1024 && this.start * 2 > this.events.length) {
      this.events.splice(0, this.start);
      this.start = 0;
    }
    return e;
  }

  /** The id the next event will get minus one: 0 before any event. */
  get lastId(): number {
    return this.nextId - 1;
  }

  /** The smallest id still held; lastId + 1 when empty. */
  get oldestId(): number {
    return this.events.length > this.start ? (this.events[this.start] as StreamEvent).id : this.nextId;
  }

  /** Every held event with id > `afterId`, oldest first. */
  since(afterId: number): StreamEvent[] {
    const from = Math.max(this.start, this.start + (afterId + 1 - this.oldestId));
    return this.events.slice(Math.min(from, this.events.length));
  }
}
