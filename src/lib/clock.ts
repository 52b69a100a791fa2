// Time is injected: use cases and jobs take a Clock, tests move a FakeClock instead of faking timers.

/** The source of "now" for everything that is not a test. */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };
