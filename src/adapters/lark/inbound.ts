// What the Lark adapter does with a verified payload, whichever transport (webhook or long connection) brought
// it: messages are acknowledged at once and run in the background; card clicks run within Feishu's 3-second
// budget and are answered with a toast and the clicked card as it now is.
import type { AppDeps } from "../../app/deps.js";
import { handleInbound, type InboundOutcome } from "../../app/handle-inbound.js";
import type { InboundEvent } from "../../messaging/inbound.js";
import type { LarkChannel, CardCapture } from "./channel.js";
import { parseLarkCardAction, parseLarkMessage } from "./parse-inbound.js";
import type { LarkCardJson } from "./render-card.js";
import { BackgroundWork } from "../../lib/background-work.js";

/** The body Feishu shows after a click: a toast, and optionally the card that replaces the clicked one. */
export interface LarkCardActionAnswer {
  toast?: { type: "success" | "error" | "info" | "warning"; content: string; i18n?: { zh_cn: string; en_us: string } };
  card?: { type: "raw"; data: LarkCardJson };
}

/** Options of {@link LarkInbound}. */
export interface LarkInboundOptions {
  /** How long a click may run before it is answered without the updated card (Feishu allows 3 s). */
  actionBudgetMs?: number;
  /** The app's entry point; tests wrap it to make it slow. */
  handle?: (deps: AppDeps, event: InboundEvent) => Promise<InboundOutcome>;
}

const DONE = { zh_cn: "已完成", en_us: "Done" };
const STILL_WORKING = { zh_cn: "正在处理，卡片稍后更新", en_us: "Working on it; the card will update shortly" };

/** Runs Lark events through handleInbound and tracks the background work so a stop can wait for it. */
export class LarkInbound {
  private readonly work: BackgroundWork;
  private readonly budgetMs: number;
  private readonly handle: (deps: AppDeps, event: InboundEvent) => Promise<InboundOutcome>;

  constructor(private readonly deps: AppDeps, private readonly channel: LarkChannel, opts: LarkInboundOptions = {}) {
    this.budgetMs = opts.actionBudgetMs ?? 2500;
    this.handle = opts.handle ?? handleInbound;
    this.work = new BackgroundWork(deps.log, "lark");
  }

  /** A chat message: returns at once; the command runs in the background and a refusal is sent as text. */
  onMessage(body: unknown): void {
    const parsed = parseLarkMessage(body);
    if (!parsed.ok) {
      this.deps.log.debug({ reason: parsed.reason }, "lark: message ignored");
      return;
    }
    const event = parsed.event;
    this.track(async () => {
      const outcome = await this.handle(this.deps, event);
      if (!outcome.ok) await this.channel.sendText(event.conversation.externalId, outcome.message);
    });
  }

  /** A card click: the answer for Feishu (toast, and the updated card when the work finished in time). */
  async onCardAction(body: unknown): Promise<LarkCardActionAnswer> {
    const parsed = parseLarkCardAction(body);
    if (!parsed.ok || parsed.event.kind !== "action") {
      this.deps.log.debug({ reason: parsed.ok ? "not an action" : parsed.reason }, "lark: card callback ignored");
      return {};
    }
    const event = parsed.event;
    const capture: CardCapture = { messageId: event.message.messageId, open: true };
    const work = this.channel.capturing(capture, () => this.handle(this.deps, event));
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

  /** Resolves when every background task started so far has finished. */
  idle(): Promise<void> {
    return this.work.idle();
  }

  private track(task: () => Promise<void>): void {
    void this.work.start(task);
  }
}
