// A clock tests move by hand.
import type { Clock } from "../../src/lib/clock.js";

/** A Clock that stays where it is set. */
export class FakeClock implements Clock {
  private current: Date;
  constructor(start: string | Date) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  /** Moves time forward by `ms`. */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(at: string | Date): void {
    this.current = new Date(at);
  }
}
