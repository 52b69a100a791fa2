// What the WeCom adapter does with a verified, decrypted callback: stores it in the durable inbox before WeCom
// hears "received" (WeCom wants its answer within 5 s and retries otherwise); the inbox's workers run it and
// refusals are sent as text.
import type { AppDeps } from "../../app/deps.js";
import type { Inbox } from "../../app/inbox/inbox.js";
import type { WecomChannel } from "./channel.js";
import { parseWecomInbound } from "./parse-inbound.js";

/** Stores WeCom callbacks for the inbox's workers. */
export class WecomInbound {
  private readonly inbox: Inbox;

  constructor(private readonly deps: AppDeps, private readonly channel: WecomChannel, private readonly opts: { corpId: string; agentId: number }) {
    if (!deps.inbox) throw new Error("wecom: the durable inbox is not set up (deps.inbox)");
    this.inbox = deps.inbox;
    this.inbox.onRun("wecom", async (payload, outcome) => {
      if (!outcome.ok) await this.channel.sendText(payload.event.actor.externalId, outcome.message);
    });
  }

  /** Stores one callback's event; "refused" when it could not be stored (the route answers 503, WeCom retries). */
  async onCallback(fields: Record<string, string>): Promise<"kept" | "refused"> {
    const parsed = parseWecomInbound(fields, this.opts);
    if (!parsed.ok) {
      this.deps.log.debug({ reason: parsed.reason }, "wecom: callback ignored");
      return "kept";
    }
    const { event, responseCode } = parsed;
    // The click's code is the freshest way to update this card; keep it before the work may need it.
    if (responseCode) this.channel.rememberResponseCode(responseCode);
    try {
      const stored = await this.inbox.store(event);
      if (stored.kind !== "busy") return "kept";
      this.deps.log.warn({ waiting: stored.waiting }, "wecom: inbox full; callback refused (WeCom retries)");
    } catch (err) {
      this.deps.log.error({ err }, "wecom: could not store the callback; refused");
    }
    return "refused";
  }

  /** Resolves when the inbox has nothing unfinished. */
  idle(): Promise<void> {
    return this.inbox.idle();
  }
}
