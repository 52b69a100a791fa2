// What a fault scenario counts: each operation it attempted, and each effect of it that a user could see
// afterwards (a card in the channel, a call the fake platform recorded, a decision row). Lost and duplicated
// are computed here, in one place, from those two lists, so no scenario writes its own arithmetic (and a
// count cannot quietly become a constant: test/unit/support/fault-ledger.test.ts checks this file).

/** The figures of one scenario, as printed in the fault table. */
export interface FaultCounts {
  attempted: number;
  /** Attempted operations with no visible effect at all. */
  lost: number;
  /** Effects beyond the first of each operation, plus effects of operations nobody attempted. */
  duplicated: number;
}

/** One scenario's ledger of attempted operations and the effects seen. */
export class FaultLedger {
  readonly #attempted = new Set<string>();
  readonly #seen = new Map<string, number>();

  /** Records an operation the scenario attempted (a command, a click, a message to deliver). `key` names it. */
  attempt(key: string): void {
    if (this.#attempted.has(key)) throw new Error(`fault ledger: operation "${key}" attempted twice; give each operation its own key`);
    this.#attempted.add(key);
  }

  /** Records one visible effect of operation `key`; call it once per copy seen (two cards → twice). */
  seen(key: string, times = 1): void {
    if (!Number.isInteger(times) || times < 0) throw new Error(`fault ledger: seen("${key}", ${times}) needs a whole number`);
    this.#seen.set(key, (this.#seen.get(key) ?? 0) + times);
  }

  /** Lost, duplicated and attempted, from what was recorded so far. */
  counts(): FaultCounts {
    let lost = 0;
    let duplicated = 0;
    for (const key of this.#attempted) {
      const n = this.#seen.get(key) ?? 0;
      if (n === 0) lost++;
      else duplicated += n - 1;
    }
    for (const [key, n] of this.#seen) if (!this.#attempted.has(key)) duplicated += n;
    return { attempted: this.#attempted.size, lost, duplicated };
  }

  /** The keys with no effect and the keys seen more than once (for the failure message). */
  detail(): { lost: string[]; duplicated: string[] } {
    const lost = [...this.#attempted].filter((k) => !this.#seen.get(k));
    const duplicated = [...this.#seen].filter(([k, n]) => n > 1 || !this.#attempted.has(k)).map(([k, n]) => `${k} ×${n}`);
    return { lost, duplicated };
  }
}
