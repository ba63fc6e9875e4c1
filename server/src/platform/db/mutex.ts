/** A FIFO async mutex: PGlite has one session, so a transaction must own it from BEGIN to COMMIT. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    this.waiting++;
    await previous;
    this.waiting--;
    return release;
  }

  get queued(): number {
    return this.waiting;
  }
}
