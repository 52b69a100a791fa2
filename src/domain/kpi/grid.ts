// Stored metric values of a window of days, as the figures need them: per platform and metric, each day's sum
// over the accounts that reported and how many accounts did (so a platform where one of two accounts is late is
// known to be incomplete, never silently half); and, for levels (followers), each account's own value, since a
// level adds each account's latest figure. Filled from grouped database reads in src/app/kpi/read-grid.ts.
import { addDays, type LocalDay } from "../calendar/local-day.js";

/** One platform's metric over the window: the sum and the number of accounts reporting, per day (count 0: no data). */
export interface DaySlots {
  sum: Float64Array;
  count: Uint16Array;
}

/** A window of days [from, to] of stored values, indexed by platform, metric and day position (0 = `from`). */
export class MetricGrid {
  /** Every day of the window, oldest first. */
  readonly days: LocalDay[];
  private readonly position = new Map<LocalDay, number>();
  private readonly byPlatform = new Map<string, Map<string, DaySlots>>();
  private readonly levels = new Map<string, Map<string, Map<string, Float64Array>>>();

  constructor(from: LocalDay, to: LocalDay) {
    const days: LocalDay[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
    this.days = days;
    days.forEach((d, i) => this.position.set(d, i));
  }

  /** Adds one group: the sum of `accounts` accounts' values of a platform's metric on a day. */
  add(platform: string, metric: string, day: LocalDay, total: number, accounts: number): void {
    const i = this.indexOf(day);
    if (i < 0 || accounts <= 0) return;
    let metrics = this.byPlatform.get(platform);
    if (!metrics) this.byPlatform.set(platform, (metrics = new Map()));
    let slots = metrics.get(metric);
    if (!slots) metrics.set(metric, (slots = { sum: new Float64Array(this.days.length), count: new Uint16Array(this.days.length) }));
    slots.sum[i] = slots.sum[i]! + total;
    slots.count[i] = slots.count[i]! + accounts;
  }

  /** Adds one account's value of a level metric on a day (NaN in a slot: no value that day). */
  addAccount(platform: string, account: string, metric: string, day: LocalDay, value: number): void {
    const i = this.indexOf(day);
    if (i < 0) return;
    let metrics = this.levels.get(platform);
    if (!metrics) this.levels.set(platform, (metrics = new Map()));
    let accounts = metrics.get(metric);
    if (!accounts) metrics.set(metric, (accounts = new Map()));
    let slots = accounts.get(account);
    if (!slots) accounts.set(account, (slots = new Float64Array(this.days.length).fill(Number.NaN)));
    slots[i] = value;
  }

  /** The position of `day` in the window, -1 outside it. */
  indexOf(day: LocalDay): number {
    return this.position.get(day) ?? -1;
  }

  /** Platforms with any data, sorted. */
  platforms(): string[] {
    return [...this.byPlatform.keys()].sort();
  }

  /** One platform's metric, if it has any data. */
  slots(platform: string, metric: string): DaySlots | undefined {
    return this.byPlatform.get(platform)?.get(metric);
  }

  /** Each account's values of a level metric on a platform (read only for levels). */
  accounts(platform: string, metric: string): ReadonlyMap<string, Float64Array> | undefined {
    return this.levels.get(platform)?.get(metric);
  }
}
