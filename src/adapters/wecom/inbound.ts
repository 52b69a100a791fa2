// What the WeCom adapter does with a verified, decrypted callback: runs it through handleInbound in the
// background (WeCom wants its answer within 5 s and retries otherwise) and sends refusals as text.
import type { AppDeps } from "../../app/deps.js";
import { handleInbound } from "../../app/handle-inbound.js";
import type { WecomChannel } from "./channel.js";
import { parseWecomInbound } from "./parse-inbound.js";

/** Runs WeCom callbacks and tracks the background work so a stop can wait for it. */
export class WecomInbound {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: AppDeps, private readonly channel: WecomChannel, private readonly opts: { corpId: string; agentId: number }) {}

  /** Starts handling one callback's fields and returns at once. */
  onCallback(fields: Record<string, string>): void {
    const parsed = parseWecomInbound(fields, this.opts);
    if (!parsed.ok) {
      this.deps.log.debug({ reason: parsed.reason }, "wecom: callback ignored");
      return;
    }
    const { event, responseCode } = parsed;
    const task = (async () => {
      // The click's code is the freshest way to update this card; keep it before the work may need it.
      if (responseCode) this.channel.rememberResponseCode(responseCode);
      const outcome = await handleInbound(this.deps, event);
      if (!outcome.ok) await this.channel.sendText(event.actor.externalId, outcome.message);
    })()
      .catch((err: unknown) => this.deps.log.error({ err }, "wecom: background work failed"))
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Resolves when every background task started so far has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
