// The durable inbox's workers: adapters store an event (store.ts) and only then answer the platform;
// workers on every replica take stored events (claim.ts), run them through handleInbound with a fenced
// database (fence.ts), record the outcome, and let the adapter answer a refusal. A console request or a
// Feishu click stores its event already claimed and runs it itself when its conversation's turn has come.
// Content-platform intake answered before its work (the WeChat OA push) is stored and run the same way
// (intake.ts); intake that answers with the work's result (/ingest/*) is admitted against the same bound.
import type { Locale } from "../../domain/locale.js";
import type { AppDeps } from "../deps.js";
import { handleInbound, type InboundOutcome } from "../handle-inbound.js";
import { BackgroundSender } from "../outbox/background-sender.js";
import { claimNext, finish, INBOX_LEASE_MS, isHeadOfConversation, renewLease, type ClaimedEvent } from "./claim.js";
import { fencedDb } from "./fence.js";
import { intakeRow, isIntake, runIntake, type IntakePayload } from "./intake.js";
import { chatRow, inStoreTurn, storeRow, type InboxPayload, type StoreResult } from "./store.js";
import type { SlaSource } from "../../domain/sla/index.js";

/** What an adapter does once its event has run: tell the person about a refusal, on its platform. */
export type AfterRun = (payload: InboxPayload, outcome: InboundOutcome) => Promise<void>;

/** Default of MEDIAOPS_INBOX_MAX: unprocessed events beyond this are refused (the platform retries later). */
export const DEFAULT_INBOX_MAX = 2000;
/** Workers per process; conversations beyond this wait for a free worker, one conversation never takes two. */
export const INBOX_WORKERS = 4;
/** How often an idle worker looks for events stored by other replicas or left by a crash (wall time). */
const POLL_MS = 500;
/** Finished events are kept this long, so a platform's late redelivery is still recognised. */
const KEEP_DONE_MS = 24 * 3600_000;

/** Options of {@link Inbox}. */
export interface InboxOptions {
  /** MEDIAOPS_INBOX_MAX. */
  max?: number;
  workers?: number;
}

/** The durable inbox of one process. */
export class Inbox {
  private readonly afterRun = new Map<string, AfterRun>();
  /** Conversations a worker of this process runs now (a conversation runs one event at a time). */
  private readonly busy = new Set<string>();
  /** Workers asleep for want of events, and requests waiting for their conversation's turn (runOwn). */
  private workerWakers: (() => void)[] = [];
  private ownWakers: (() => void)[] = [];
  /** An event was stored while no worker slept (they were all taking or running events): look again first. */
  private storedMeanwhile = false;
  private loops: Promise<void>[] = [];
  private stopping = false;
  private lastCleanup = 0;
  /** Requests of this process doing their work before answering (see admitDirect): they count as waiting. */
  private direct = 0;
  readonly max: number;
  private readonly sender: BackgroundSender;

  constructor(private readonly deps: AppDeps, private readonly opts: InboxOptions = {}) {
    this.max = opts.max ?? DEFAULT_INBOX_MAX;
    this.sender = new BackgroundSender(deps);
  }

  /** Sets what runs after the events of `source` (e.g. Slack's ephemeral refusal). */
  onRun(source: string, after: AfterRun): void {
    this.afterRun.set(source, after);
  }

  /** Starts the workers (again, after a stop). */
  start(): void {
    this.stopping = false;
    this.loops = [];
    this.sender.resume();
    const n = this.opts.workers ?? INBOX_WORKERS;
    for (let i = 0; i < n; i++) this.loops.push(this.loop());
  }

  /** Stores the event (see storeRow) and wakes a worker. Throws when the database cannot store it. */
  async store(event: InboxPayload["event"], extra: { locale?: Locale; reply?: Record<string, string> } = {}): Promise<StoreResult> {
    const stored = await storeRow(this.deps.db, chatRow({ event, ...extra }), this.deps.clock.now(), this.room());
    if (stored.kind === "stored") this.wakeWorker();
    return stored;
  }

  /**
   * Stores a content platform's delivery of `items` (see intake.ts) and wakes a worker: "stored" once it is on
   * disk, "duplicate" for a redelivery of `deliveryKey`, "busy" when the inbox is full. Throws when the
   * database cannot store it.
   */
  async storeIntake(source: SlaSource, deliveryKey: string, sender: string, items: unknown[]): Promise<StoreResult> {
    const stored = await storeRow(this.deps.db, intakeRow(source, deliveryKey, sender, items), this.deps.clock.now(), this.room());
    if (stored.kind === "stored") this.wakeWorker();
    return stored;
  }

  /**
   * Admits a request that does its work before answering, because its answer reports the work's result (the
   * signed intake's per-item report). Such a request holds its body in memory until it answers, so it counts
   * against MEDIAOPS_INBOX_MAX with the stored events waiting: "busy" when no room is left (the caller refuses
   * non-2xx and the sender retries), else a release to call once it has answered.
   */
  async admitDirect(): Promise<(() => void) | "busy"> {
    const admitted = await inStoreTurn(this.deps.db, async () => {
      const waiting = await this.deps.db.inboundEvent.count({ where: { status: { not: "done" } } });
      if (waiting + this.direct >= this.max) return false;
      this.direct++;
      return true;
    });
    if (!admitted) return "busy";
    let released = false;
    return () => {
      if (!released) this.direct--;
      released = true;
    };
  }

  /** Room for stored events: the bound less the requests admitted directly in this process. */
  private room(): number {
    return this.max - this.direct;
  }

  /**
   * Stores the event already claimed by the caller's request, which then runs it with {@link runOwn} (a console
   * request, a Feishu click: their answer shows the result). "busy"/"duplicate" as for {@link store}.
   */
  async storeOwn(event: InboxPayload["event"], extra: { locale?: Locale; reply?: Record<string, string> } = {}): Promise<ClaimedEvent | "busy" | "duplicate"> {
    const row = chatRow({ event, ...extra });
    const stored = await storeRow(this.deps.db, row, this.deps.clock.now(), this.room(), { leaseMs: INBOX_LEASE_MS });
    if (stored.kind !== "stored") return stored.kind;
    return { id: stored.id, source: row.source, conversationKey: row.conversationKey, payloadJson: row.payloadJson, attempts: 1, committedAt: null };
  }

  /**
   * Runs an event stored by {@link storeOwn} in the caller's request once nothing earlier of its conversation
   * is unfinished (its lease is renewed while it waits), delivering its cards before returning.
   */
  async runOwn(ev: ClaimedEvent): Promise<InboundOutcome> {
    // Renewed when a third of the lease has passed, not at every wake-up: a burst of requests waiting in one
    // conversation would otherwise all write at each turn, and on SQLite shared by replicas such a storm of
    // writes ran past the busy timeout. A renewal the database refuses for now is tried again at the next turn.
    let renewedAt = this.deps.clock.now().getTime();
    while (!(await isHeadOfConversation(this.deps.db, ev))) {
      const now = this.deps.clock.now();
      if (now.getTime() - renewedAt >= INBOX_LEASE_MS / 3) {
        const renewed = await renewLease(this.deps.db, ev, now).catch((err: unknown) => {
          this.deps.log.warn({ err: String(err), inboxId: ev.id }, "inbox: could not renew a waiting event's lease; trying again");
          return undefined;
        });
        if (renewed === false) throw new Error(`inbox event ${ev.id} was taken over while it waited for its turn`);
        if (renewed) renewedAt = now.getTime();
      }
      await this.nap(this.ownWakers);
    }
    try {
      return await this.execute(ev, true);
    } finally {
      this.wake(); // the conversation's next event may wait for this one
    }
  }

  /** Resolves once no stored event is unfinished and no card is waiting in the background sender (tests, stop). */
  async idle(): Promise<void> {
    for (;;) {
      const unfinished = await this.deps.db.inboundEvent.count({ where: { status: { not: "done" } } });
      if (unfinished === 0 && this.sender.idle) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops taking events; resolves when the running ones have finished and their sends have settled. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await Promise.all(this.loops);
    await this.sender.stop();
  }

  /** Wakes every sleeper: the workers and the requests waiting for their turn. */
  private wake(): void {
    this.wakeOwn();
    const wakers = this.workerWakers;
    this.workerWakers = [];
    for (const w of wakers) w();
  }

  /**
   * Wakes one sleeping worker for one stored event. Waking them all made each read the event and try to claim
   * it, of which one won: about 15 of the 34 statements a /topic list cost on SQLite.
   */
  private wakeWorker(): void {
    const waker = this.workerWakers.shift();
    if (waker) waker();
    else this.storedMeanwhile = true;
  }

  /** Wakes the requests waiting for their conversation's turn: an event of theirs may have just finished. */
  private wakeOwn(): void {
    const wakers = this.ownWakers;
    this.ownWakers = [];
    for (const w of wakers) w();
  }

  private nap(wakers: (() => void)[]): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      // A sleeper that woke by itself leaves the list, so that waking one always wakes someone asleep.
      const timer = setTimeout(() => {
        const i = wakers.indexOf(wake);
        if (i >= 0) wakers.splice(i, 1);
        resolve();
      }, POLL_MS);
      timer.unref();
      wakers.push(wake);
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let ev: ClaimedEvent | undefined;
      this.storedMeanwhile = false;
      try {
        ev = await claimNext(this.deps.db, this.deps.clock.now(), this.busy);
        if (!ev) await this.cleanup();
      } catch (err) {
        this.deps.log.warn({ err: String(err) }, "inbox: could not take events; trying again");
      }
      if (!ev) {
        if (!this.storedMeanwhile) await this.nap(this.workerWakers);
        continue;
      }
      this.busy.add(ev.conversationKey);
      try {
        await this.execute(ev, false);
      } catch (err) {
        this.deps.log.error({ err, inboxId: ev.id }, "inbox: running an event failed; it is taken again when its lease runs out");
      } finally {
        this.busy.delete(ev.conversationKey);
        this.wakeOwn(); // a request waiting for its turn in this conversation may go now
      }
    }
  }

  /** Runs one claimed event; `inline`: the caller waits for its cards (the console's answer lists them). */
  private async execute(ev: ClaimedEvent, inline: boolean): Promise<InboundOutcome> {
    const { deps } = this;
    const payload = JSON.parse(ev.payloadJson) as InboxPayload | IntakePayload;
    const renew = setInterval(() => void renewLease(deps.db, ev, deps.clock.now()).catch(() => undefined), INBOX_LEASE_MS / 3);
    renew.unref();
    let outcome: InboundOutcome;
    try {
      const workDeps: AppDeps = { ...deps, db: fencedDb(deps.db, ev, deps.clock) };
      if (ev.committedAt) {
        // It took effect before a crash; its cards wait in the outbox, which the outbox worker sends.
        outcome = { ok: true, delivered: [] };
      } else if (isIntake(payload)) {
        outcome = await runIntake(workDeps, payload);
      } else {
        const deliverLater = inline || ev.source === "console" ? undefined : (ids: number[]) => this.sender.enqueue(ev.conversationKey, ids);
        outcome = await handleInbound(deps, payload.event, payload.locale, { workDeps, dedup: false, deliverLater });
      }
    } finally {
      clearInterval(renew);
    }
    if (!(await finish(deps.db, ev, JSON.stringify(outcome), deps.clock.now()))) return outcome; // taken over meanwhile
    const after = this.afterRun.get(ev.source);
    if (after && !isIntake(payload)) await after(payload, outcome).catch((err: unknown) => deps.log.warn({ err: String(err), inboxId: ev.id }, "inbox: answering the sender failed"));
    return outcome;
  }

  private async cleanup(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    if (now - this.lastCleanup < 600_000) return;
    this.lastCleanup = now;
    await this.deps.db.inboundEvent.deleteMany({ where: { status: "done", doneAt: { lt: new Date(now - KEEP_DONE_MS) } } });
  }
}
