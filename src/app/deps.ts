// What every use case is given: the database, the clock, the logger, the channels and the button key.
import type { Db } from "../db/client.js";
import type { SqlDialect } from "../db/dialect.js";
import type { Clock } from "../lib/clock.js";
import type { Log } from "../lib/logger.js";
import type { ChatChannel } from "../messaging/channel.js";
import type { ChatPlatform } from "../messaging/inbound.js";
import type { Inbox } from "./inbox/inbox.js";
import type { PlatformReplier } from "./sla/platform-reply.js";

/** The service's shared dependencies, built once in main.ts (or by a test). */
export interface AppDeps {
  db: Db;
  clock: Clock;
  log: Log;
  /** Outbound channels by platform; the console is always present. */
  channels: Map<ChatPlatform, ChatChannel>;
  /** Which SQL the database speaks, for the few raw statements (see src/db/dialect.ts). */
  dialect: SqlDialect;
  /** HMAC key that signs button payloads (see messaging/action.ts). */
  buttonKey: string;
  /**
   * The durable inbox (src/app/inbox): adapters store each inbound event here before answering the platform.
   * Absent only where a test drives the use cases without a running service.
   */
  inbox?: Inbox;
  /**
   * Connectors that send replies from chat to content platforms (WeChat OA when WECHAT_OA_APP_SECRET is set);
   * an item no replier handles keeps its reply on the card for copying.
   */
  repliers?: PlatformReplier[];
  /** The platform polls switched on in this process (the WeChat OA comment poll), as /sla sources reports them. */
  polls?: Map<"wechat_oa_comments", { everyMinutes: number; days: number }>;
  /** Set only by the fault tests: die right after a change commits, before its messages are sent. */
  crashBeforeSend?: boolean;
}
