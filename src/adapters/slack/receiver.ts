// A Bolt Receiver fed by our own Fastify route instead of Bolt's HTTP server: the route verifies and parses,
// this hands the body to `app.processEvent`, and Bolt's `ack()` becomes the HTTP answer. The listeners'
// slow work goes on after the answer is sent (bolt-js test/unit/helpers/receivers.ts FakeReceiver pattern).
import type { App, AckFn, Receiver } from "@slack/bolt";
import type { Log } from "../../lib/logger.js";

/** The HTTP answer an ack produced. */
export interface AckAnswer {
  status: number;
  /** Empty, plain text, or a JSON object (modal errors, `response_action`). */
  body: string | Record<string, unknown>;
}

/** What the route hands over: a verified, parsed body and Slack's retry headers. */
export interface SlackDelivery {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
}

/** Answer used when nobody acks in time; Slack shows an error after 3 s, so answer before that. */
export const DEFAULT_ACK_DEADLINE_MS = 2500;

/**
 * Given to listeners in Bolt's context (customProperties): answers the request without an ack, e.g. 503 when
 * the event could not be stored, so Slack redelivers it instead of hearing "received".
 */
export type AnswerWith = (answer: AckAnswer) => void;

/** A listener's way to refuse the delivery (absent in Socket Mode, where not acking makes Slack redeliver). */
export function answerWithOf(context: unknown): AnswerWith | undefined {
  const fn = (context as { answerWith?: unknown } | null)?.answerWith;
  return typeof fn === "function" ? (fn as AnswerWith) : undefined;
}

function toAnswer(response: unknown): AckAnswer {
  if (response === undefined || response === null || response === "") return { status: 200, body: "" };
  if (typeof response === "string") return { status: 200, body: response };
  return { status: 200, body: response as Record<string, unknown> };
}

/** Receiver whose events come from `dispatch`, called by the Fastify route. */
export class FastifyReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly log: Log,
    private readonly ackDeadlineMs = DEFAULT_ACK_DEADLINE_MS,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  /** Nothing to start: the Fastify server owns the socket. */
  async start(): Promise<void> {}

  /** Nothing to stop here; in-flight listener work is drained by the adapter. */
  async stop(): Promise<void> {}

  /** Runs the body through Bolt; resolves with the ack's answer as soon as a listener acks. */
  dispatch(delivery: SlackDelivery): Promise<AckAnswer> {
    const app = this.app;
    if (!app) return Promise.resolve({ status: 503, body: "" });
    // Bolt acks an Events API request before its listeners run; ours store the event first, so such a request
    // is answered when the listeners are done (or refused by them), never by that early ack.
    const eventsApi = delivery.body["type"] === "event_callback";
    return new Promise<AckAnswer>((resolve) => {
      let answered = false;
      const answer = (a: AckAnswer) => {
        if (answered) return false;
        answered = true;
        clearTimeout(timer);
        resolve(a);
        return true;
      };
      // An event not yet stored by the deadline is refused, so Slack redelivers it (the store de-duplicates).
      const late: AckAnswer = eventsApi ? { status: 503, body: "" } : { status: 200, body: "" };
      const timer = setTimeout(() => {
        if (answer(late)) this.log.warn({ deadlineMs: this.ackDeadlineMs, status: late.status }, "slack: no ack before the deadline");
      }, this.ackDeadlineMs);
      timer.unref();
      const ack: AckFn<unknown> = async (response) => {
        if (eventsApi) return;
        if (!answer(toAnswer(response))) this.log.warn("slack: ack after the request was answered (ignored)");
      };
      const answerWith: AnswerWith = (a) => void answer(a);
      app
        .processEvent({ body: delivery.body, ack, retryNum: delivery.retryNum, retryReason: delivery.retryReason, customProperties: { answerWith } })
        // A body no listener wanted (a shortcut we do not offer, app_rate_limited...) is answered 200 so Slack stops.
        .then(() => answer({ status: 200, body: "" }))
        .catch((err: unknown) => {
          this.log.error({ err }, "slack: processing an event failed");
          answer({ status: 500, body: "" });
        });
    });
  }
}
