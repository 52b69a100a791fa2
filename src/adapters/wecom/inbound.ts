// What the WeCom adapter does with a verified, decrypted callback: runs it through handleInbound in the
// background (WeCom wants its answer within 5 s and retries otherwise) and sends refusals as text.
import type { AppDeps } from "../../app/deps.js";
import { handleInbound } from "../../app/handle-inbound.js";
import type { WecomChannel } from "./channel.js";
import { parseWecomInbound } from "./parse-inbound.js";
import { BackgroundWork } from "../../lib/background-work.js";

/** Runs WeCom callbacks and tracks the background work so a stop can wait for it. */
export class WecomInbound {
  private readonly work: BackgroundWork;

  constructor(private readonly deps: AppDeps, private readonly channel: WecomChannel, private readonly opts: { corpId: string; agentId: number }) {
    this.work = new BackgroundWork(deps.log, "wecom");
  }

  /** Starts handling one callback's fields and returns at once. */
  onCallback(fields: Record<string, string>): void {
    const parsed = parseWecomInbound(fields, this.opts);
    if (!parsed.ok) {
      this.deps.log.debug({ reason: parsed.reason }, "wecom: callback ignored");
      return;
    }
    const { event, responseCode } = parsed;
    // The click's code is the freshest way to update this card; keep it before the work may need it.
    if (responseCode) this.channel.rememberResponseCode(responseCode);
    void this.work.start(async () => {
      const outcome = await handleInbound(this.deps, event);
      if (!outcome.ok) await this.channel.sendText(event.actor.externalId, outcome.message);
    });
  }

  /** Resolves when every background task started so far has finished. */
  idle(): Promise<void> {
    return this.work.idle();
  }
}
