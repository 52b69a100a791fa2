// Talks to the console API the way the chat page does (through Fastify's inject: no sockets needed).
import type { FastifyInstance } from "fastify";
import type { Card, CardButton } from "../../src/messaging/card.js";

/** A console message as the API returns it. */
export interface ApiMessage {
  id: string;
  channel: string;
  authorKind: "user" | "bot";
  author: { handle: string; displayName: string } | null;
  text: string;
  card: Card | null;
  ephemeral: boolean;
}

/** An API answer: status and parsed body. */
export interface ApiAnswer {
  status: number;
  messages: ApiMessage[];
  error?: string;
}

/** The console API for one service. */
export function consoleClient(app: FastifyInstance) {
  async function call(method: "GET" | "POST", url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const res = await app.inject({ method, url, payload: payload as never, headers });
    const body = res.json() as { messages?: ApiMessage[]; error?: string };
    return { status: res.statusCode, messages: body.messages ?? [], error: body.error };
  }
  return {
    call,
    /** Types `text` as `user` in `channel`. */
    say: (user: string, text: string, channel = "topics") => call("POST", "/console/api/messages", { channel, user, text }),
    /** Clicks `button` of `message` as `user`. */
    click: (user: string, message: ApiMessage, actionId: string, reason?: string) => {
      const button = buttonOf(message, actionId);
      return call("POST", "/console/api/actions", { user, messageId: message.id, actionId, value: button.value, reason });
    },
    /** The channel as `user` sees it. */
    read: (channel = "topics", user?: string) => call("GET", `/console/api/messages?channel=${channel}${user ? `&user=${user}` : ""}`),
  };
}

/** The button with `actionId` on a message's card; throws when there is none. */
export function buttonOf(message: ApiMessage, actionId: string): CardButton {
  const b = message.card?.blocks.flatMap((x) => (x.type === "actions" ? x.buttons : [])).find((x) => x.actionId === actionId);
  if (!b) throw new Error(`message ${message.id} has no ${actionId} button`);
  return b;
}

/** The outcome line of a card, if decided. */
export function outcomeOf(message: ApiMessage): string | undefined {
  const o = message.card?.blocks.find((b) => b.type === "outcome");
  return o && o.type === "outcome" ? o.text : undefined;
}

/** Every text on a card (title, fields, lines), for "what the user sees" assertions. */
export function cardText(message: ApiMessage): string {
  return message.card?.fallbackText ?? message.text;
}
