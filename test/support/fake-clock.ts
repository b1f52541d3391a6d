// A clock that moves only when the test says: the transport's retry schedule is then checked
// in order and in count, never against the wall clock of a loaded machine.
import type { Clock } from '../../src/core/clock.js';

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

export class FakeClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private ids = 0;

  constructor(start = 1_000_000) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    const timer = { id: ++this.ids, at: this.time + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** When the earliest pending timer is due, or undefined when none is pending. */
  nextAt(): number | undefined {
    return this.timers.reduce<number | undefined>((min, timer) => (min === undefined || timer.at < min ? timer.at : min), undefined);
  }

  /** Every pending timer's due time, earliest first. */
  pending(): number[] {
    return this.timers.map((timer) => timer.at).sort((a, b) => a - b);
  }

  /** Moves time to `at` (never back), firing every timer due by then in order. */
  advanceTo(at: number): void {
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= at).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.time = Math.max(this.time, due.at);
      this.timers = this.timers.filter((timer) => timer !== due);
      due.callback();
    }
    this.time = Math.max(this.time, at);
  }

  advance(ms: number): void {
    this.advanceTo(this.time + ms);
  }
}
