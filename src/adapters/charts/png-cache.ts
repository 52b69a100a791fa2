// Chart pictures already drawn, or being drawn, by key (the console keys them by message, chart and version:
// its page re-reads the stream every few seconds). The drawing's promise is kept, not its result, so two
// requests for one picture at once share one drawing instead of each spending a chart's CPU time.

/** A bounded cache of PNG drawings: the oldest entry goes when it is full; a failed drawing is not kept. */
export class PngCache {
  private readonly entries = new Map<string, Promise<Buffer>>();

  constructor(private readonly size = 64) {}

  /** The picture for `key`, drawn with `draw` unless it is drawn or being drawn already. */
  get(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
    const known = this.entries.get(key);
    if (known) return known;
    const drawing = Promise.resolve().then(draw);
    this.entries.set(key, drawing);
    // Forgotten on failure, so the next request draws again (only if the entry is still this drawing).
    drawing.catch(() => {
      if (this.entries.get(key) === drawing) this.entries.delete(key);
    });
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return drawing;
  }
}
