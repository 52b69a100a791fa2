// Topic card buttons: Accept, Reject (with a reason), +1, and "Open #N" on a near-duplicate flag. Who may click which is in the permission table.
import { COMMANDS } from "../../../commands/index.js";
import { AppError } from "../../domain/errors.js";
import type { TActionPayload } from "../../messaging/action.js";
import type { RequestScope } from "../scope.js";
import { decideTopic } from "./decide-topic.js";
import { showTopic } from "./show-topic.js";
import { voteTopic } from "./vote-topic.js";

/** Runs a decoded topic button click. */
export async function handleTopicAction(scope: RequestScope, p: TActionPayload, reason: string | undefined): Promise<void> {
  const id = Number(p.subjectId);
  const locale = scope.actor.locale;
  switch (p.action) {
    case "accept":
      return decideTopic(scope, id, "accept", reason?.trim() || undefined, true);
    case "reject": {
      const why = reason?.trim();
      if (!why) throw new AppError("action.reason_required", { what: COMMANDS["topic.reject"].summary[locale] });
      if ([...why].length > 500) throw new AppError("command.text_too_long", { arg: "reason", max: 500 });
      return decideTopic(scope, id, "reject", why, true);
    }
    case "vote":
      return voteTopic(scope, id);
    case "show": // the topic a near-duplicate flag points at: its card and history, to the clicker only
      return showTopic(scope, id);
    default:
      throw new AppError("action.unknown", { action: `topic.${p.action}` });
  }
}
