// One inbound request as the use cases see it: who acts, where, when, and which outbox rows it wrote.
import type { Locale } from "../domain/locale.js";
import type { PermissionKey } from "../domain/permission-table.js";
import type { AppDeps } from "./deps.js";
import type { Member } from "./members.js";
import type { TeamSettings } from "./team.js";

/** The channel the request came from (our row, not the platform's). */
export interface ChannelInfo {
  id: string;
  platform: string;
  externalId: string;
  name: string;
}

/** Everything a use case needs about the current request. */
export interface RequestScope {
  deps: AppDeps;
  actor: Member;
  team: TeamSettings;
  channel: ChannelInfo;
  now: Date;
  /** Outbox rows written on behalf of this request, delivered right after it. */
  outboxIds: number[];
  /**
   * Set when the actor's roles did not allow the command or button but a relation to its subject may
   * (src/app/permissions.ts): the use case must call requireRelation before it changes anything.
   */
  pendingRelation?: PermissionKey;
}

/** The language replies to the actor use. */
export function localeOf(scope: RequestScope): Locale {
  return scope.actor.locale;
}
