// What the Lark adapter does with a verified payload, whichever transport (webhook or long connection) brought
// it: every event is stored in the durable inbox before Feishu hears "received" (Feishu does not redeliver an
// acknowledged event). Messages then run on the inbox's workers; a card click runs in its own request when its
// conversation has nothing earlier waiting, within Feishu's 3-second budget, and is answered with a toast and
// the clicked card as it now is.
import type { AppDeps } from "../../app/deps.js";
import type { InboundOutcome } from "../../app/handle-inbound.js";
import type { Inbox } from "../../app/inbox/inbox.js";
import type { LarkChannel, CardCapture } from "./channel.js";
import { parseLarkCardAction, parseLarkMessage } from "./parse-inbound.js";
import type { LarkCardJson } from "./render-card.js";
import { BackgroundWork } from "../../lib/background-work.js";
import type { InboundEvent as InboundEventOf } from "../../messaging/inbound.js";

/** The body Feishu shows after a click: a toast, and optionally the card that replaces the clicked one. */
export interface LarkCardActionAnswer {
  toast?: { type: "success" | "error" | "info" | "warning"; content: string; i18n?: { zh_cn: string; en_us: string } };
  card?: { type: "raw"; data: LarkCardJson };
}

/** Options of {@link LarkInbound}. */
export interface LarkInboundOptions {
  /** How long a click may run before it is answered without the updated card (Feishu allows 3 s). */
  actionBudgetMs?: number;
  /** Runs a stored click; tests wrap it to make it slow. */
  runClick?: (run: () => Promise<InboundOutcome>) => Promise<InboundOutcome>;
}

/** Whether an event was kept: stored (or stored before), or refused because it could not be (answer non-2xx). */
export type Kept = "kept" | "refused";

const DONE = { zh_cn: "已完成", en_us: "Done" };
const STILL_WORKING = { zh_cn: "正在处理，卡片稍后更新", en_us: "Working on it; the card will update shortly" };

/** Runs Lark events through handleInbound and tracks the background work so a stop can wait for it. */
export class LarkInbound {
  private readonly work: BackgroundWork;
  private readonly budgetMs: number;
  private readonly runClick: (run: () => Promise<InboundOutcome>) => Promise<InboundOutcome>;
  private readonly inbox: Inbox;

  constructor(private readonly deps: AppDeps, private readonly channel: LarkChannel, opts: LarkInboundOptions = {}) {
    this.budgetMs = opts.actionBudgetMs ?? 2500;
    this.runClick = opts.runClick ?? ((run) => run());
    this.work = new BackgroundWork(deps.log, "lark");
    if (!deps.inbox) throw new Error("lark: the durable inbox is not set up (deps.inbox)");
    this.inbox = deps.inbox;
    // A refusal of a message is sent to the chat as text (a click's is its toast, or text when late).
    this.inbox.onRun("lark", async (payload, outcome) => {
      if (!outcome.ok && payload.reply?.["answer"] !== "toast") await this.channel.sendText(payload.event.conversation.externalId, outcome.message);
    });
  }

  /** Stores the event; "refused" when it could not be (full inbox or database), so Feishu is answered non-2xx. */
  private async keep(event: InboundEventOf): Promise<Kept> {
    try {
      const stored = await this.inbox.store(event);
      if (stored.kind !== "busy") return "kept";
      this.deps.log.warn({ waiting: stored.waiting }, "lark: inbox full; event refused (Feishu retries)");
    } catch (err) {
      this.deps.log.error({ err }, "lark: could not store the event; refused");
    }
    return "refused";
  }

  /** A chat message: stored, then run by the inbox's workers (a refusal is sent as text). */
  async onMessage(body: unknown): Promise<Kept> {
    const parsed = parseLarkMessage(body);
    if (!parsed.ok) {
      this.deps.log.debug({ reason: parsed.reason }, "lark: message ignored");
      return "kept";
    }
    return this.keep(parsed.event);
  }

  /** A card click: the answer for Feishu (toast, and the updated card when the work finished in time); null: refuse. */
  async onCardAction(body: unknown): Promise<LarkCardActionAnswer | null> {
    const parsed = parseLarkCardAction(body);
    if (!parsed.ok || parsed.event.kind !== "action") {
      this.deps.log.debug({ reason: parsed.ok ? "not an action" : parsed.reason }, "lark: card callback ignored");
      return {};
    }
    const event = parsed.event;
    let own: Awaited<ReturnType<Inbox["storeOwn"]>>;
    try {
      own = await this.inbox.storeOwn(event, { reply: { answer: "toast" } });
    } catch (err) {
      this.deps.log.error({ err }, "lark: could not store the click; refused");
      return null;
    }
    if (own === "busy") return null;
    if (own === "duplicate") return {}; // a redelivered click: it was handled (or is being handled) already
    const stored = own;
    const capture: CardCapture = { messageId: event.message.messageId, open: true };
    const work = this.channel.capturing(capture, () => this.runClick(() => this.inbox.runOwn(stored)));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), this.budgetMs)));
    const outcome = await Promise.race([work, late]);
    clearTimeout(timer);
    if (outcome === "late") {
      await this.channel.release(capture, false);
      // The work goes on; its later updates PATCH, and a refusal is sent to the chat as text.
      this.track(async () => {
        const done = await work;
        if (!done.ok) await this.channel.sendText(event.conversation.externalId, done.message);
      });
      return { toast: { type: "info", content: STILL_WORKING.zh_cn, i18n: STILL_WORKING } };
    }
    const card = capture.card;
    await this.channel.release(capture, true);
    if (!outcome.ok) return { toast: { type: "error", content: outcome.message } };
    if (outcome.duplicate) return {};
    return { toast: { type: "success", content: DONE.zh_cn, i18n: DONE }, ...(card ? { card: { type: "raw", data: card } } : {}) };
  }

  /** Resolves when every background task started so far has finished and the inbox has nothing unfinished. */
  async idle(): Promise<void> {
    await this.work.idle();
    await this.inbox.idle();
  }

  private track(task: () => Promise<void>): void {
    void this.work.start(task);
  }
}
