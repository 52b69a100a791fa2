// Every refusal of who may act (a role, a relation to the subject) and of a forged or stale button becomes an
// audit row "auth.denied": who (the actor), what (the command or button and its subject), why (the rule broken,
// in words). Written after the refused request's own transaction rolled back, so it survives the refusal.
import { errorMessage } from "../../templates/strings/errors.js";
import { parseCommand, splitCommandWords } from "../../commands/index.js";
import type { AppError } from "../domain/errors.js";
import { refusalKind } from "../domain/refusals.js";
import type { InboundEvent } from "../messaging/inbound.js";
import { audit } from "./audit.js";
import type { AppDeps } from "./deps.js";

/** The command id typed, or its first words when it does not parse. */
function commandOf(text: string): string {
  try {
    return parseCommand(text).id;
  } catch {
    return splitCommandWords(text).slice(0, 3).join(" ").slice(0, 64) || "?";
  }
}

/** Writes the audit row for `err` when it is an audited refusal (see src/domain/refusals.ts); never throws. */
export async function auditRefusal(deps: AppDeps, event: InboundEvent, err: AppError): Promise<void> {
  const kind = refusalKind(err.code);
  if (!kind) return;
  try {
    const { actor } = event;
    const identity = await deps.db.platformIdentity.findUnique({
      where: { platform_tenant_externalId: { platform: actor.platform, tenant: actor.tenant, externalId: actor.externalId } },
      include: { user: { select: { id: true, teamId: true } } },
    });
    if (!identity) return; // someone the team does not know: nothing to attach the row to
    const what = event.kind === "command" ? { subjectType: "command", subjectId: commandOf(event.text), text: event.text.slice(0, 200) } : { subjectType: "button", subjectId: event.actionId.slice(0, 64), value: event.value.slice(0, 200) };
    await deps.db.$transaction((tx) =>
      audit(tx, {
        teamId: identity.user.teamId,
        actorId: identity.user.id,
        action: "auth.denied",
        subjectType: what.subjectType,
        subjectId: what.subjectId,
        after: { kind, code: err.code, params: err.params, ...("text" in what ? { text: what.text } : { value: what.value }), platform: actor.platform },
        reason: `${kind}: ${errorMessage("en", err)}`,
        at: deps.clock.now(),
      }),
    );
  } catch (auditErr) {
    deps.log.error({ err: auditErr, code: err.code }, "could not audit a refusal");
  }
}
