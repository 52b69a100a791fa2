// /review chain list | set | default | remove | import: admins manage the team's chains in chat.
import type { ArgsOf } from "../../../commands/index.js";
import { reviewNotices } from "../../../templates/review/review-notices.js";
import { AppError } from "../../domain/errors.js";
import { parseChain } from "../../domain/reviews/chain.js";
import { parseLevelsText, parseWhenText } from "../../domain/reviews/chain-text.js";
import { audit } from "../audit.js";
import { replyNotice } from "../notify.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { activeChains, assertPeopleExist, importChains, markDefault, readChainsFile, saveChain } from "./review-chains.js";
import { reviewTx } from "./review-records.js";

/** Replies with every active chain. */
export async function listChains(scope: RequestScope): Promise<void> {
  const chains = await activeChains(scope.deps.db, scope.team.id);
  const model = { chains: chains.map((c) => ({ name: c.chain.name, isDefault: c.isDefault, priority: c.chain.priority, when: c.chain.when, cc: c.chain.cc, levels: c.chain.levels })) };
  await enqueueReply(scope.deps.db, scope, { template: "review.chains", model });
}

/** Creates or replaces a chain from its one-line form; the team's first chain becomes the default. */
export async function setChain(scope: RequestScope, args: ArgsOf<"review.chain.set">): Promise<void> {
  const chain = parseChain({
    name: args.name,
    levels: parseLevelsText(args.levels),
    when: args.when ? parseWhenText(args.when) : {},
    priority: args.priority,
    cc: args.cc ?? [],
  });
  await reviewTx(scope.deps.db, async (tx) => {
    await assertPeopleExist(tx, scope.team.id, chain);
    const first = (await tx.reviewChain.count({ where: { teamId: scope.team.id, active: true, isDefault: true } })) === 0;
    await saveChain(tx, scope.team.id, chain, scope.now, first ? true : undefined);
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "review.chain_set", subjectType: "review_chain", subjectId: chain.name, after: { chain }, at: scope.now });
    await replyNotice(tx, scope, reviewNotices[scope.actor.locale].chainSaved(chain.name, chain.levels.length));
  });
}

/** Makes a chain the default. */
export async function setDefaultChain(scope: RequestScope, name: string): Promise<void> {
  await reviewTx(scope.deps.db, async (tx) => {
    await markDefault(tx, scope.team.id, name, scope.now);
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "review.chain_default", subjectType: "review_chain", subjectId: name, at: scope.now });
    await replyNotice(tx, scope, reviewNotices[scope.actor.locale].chainDefault(name));
  });
}

/** Stops using a chain (kept, inactive); the default cannot be removed. */
export async function removeChain(scope: RequestScope, name: string): Promise<void> {
  await reviewTx(scope.deps.db, async (tx) => {
    const row = await tx.reviewChain.findFirst({ where: { teamId: scope.team.id, name, active: true } });
    if (!row) throw new AppError("review.chain_not_found", { name });
    if (row.isDefault) throw new AppError("review.chain_is_default", { name });
    await tx.reviewChain.update({ where: { id: row.id }, data: { active: false, updatedAt: scope.now } });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "review.chain_remove", subjectType: "review_chain", subjectId: name, at: scope.now });
    await replyNotice(tx, scope, reviewNotices[scope.actor.locale].chainRemoved(name));
  });
}

/** Loads templates/review-chains.json into the team. */
export async function importChainsCommand(scope: RequestScope): Promise<void> {
  const file = readChainsFile();
  await reviewTx(scope.deps.db, async (tx) => {
    const names = await importChains(tx, scope.team.id, file, scope.actor.id, scope.now);
    const byDefault = file.chains.find((c) => c.default)!.name;
    await replyNotice(tx, scope, reviewNotices[scope.actor.locale].chainsImported(names.join(", "), byDefault));
  });
}
