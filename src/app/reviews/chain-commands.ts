// /review chain list | set | default | remove | import: admins manage the team's chains in chat.
import type { ArgsOf } from "../../../commands/index.js";
import { reviewNotices } from "../../../templates/review/review-notices.js";
import { AppError } from "../../domain/errors.js";
import { ZChain, chainDisplayName, levelName, parseChain, type TChain } from "../../domain/reviews/chain.js";
import { hasConditions } from "../../domain/reviews/select-chain.js";
import type { Locale } from "../../domain/locale.js";
import { readJson } from "../../lib/json.js";
import { parseLevelsText, parseWhenText } from "../../domain/reviews/chain-text.js";
import { audit } from "../audit.js";
import { replyNotice } from "../notify.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { activeChains, assertPeopleExist, findChain, importChains, markDefault, readChainsFile, saveChain } from "./review-chains.js";
import { reviewTx } from "./review-records.js";

/** Replies with every active chain. */
export async function listChains(scope: RequestScope): Promise<void> {
  const chains = await activeChains(scope.deps.db, scope.team.id);
  const model = { chains: chains.map((c) => ({ name: c.chain.name, displayName: c.chain.displayName, isDefault: c.isDefault, priority: c.chain.priority, when: c.chain.when, cc: c.chain.cc, levels: c.chain.levels })) };
  await enqueueReply(scope.deps.db, scope, { template: "review.chains", model });
}

/** Creates or replaces a chain from its one-line form; the team's first chain becomes the default. */
export async function setChain(scope: RequestScope, args: ArgsOf<"review.chain.set">): Promise<void> {
  const previous = await scope.deps.db.reviewChain.findFirst({ where: { teamId: scope.team.id, name: args.chain } });
  const kept = previous ? readJson(ZChain, previous.definitionJson, `ReviewChain(${previous.id}).definitionJson`).displayName : undefined;
  const chain = parseChain({
    name: args.chain,
    displayName: args.name ?? kept,
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
    const isDefault = first || Boolean(previous?.isDefault);
    const used = isDefault ? "default" : hasConditions(chain.when) ? "conditions" : "never";
    await replyNotice(tx, scope, reviewNotices[scope.actor.locale].chainSaved(shownName(chain, scope.actor.locale), chain.levels.length, used, chain.name));
  });
}

/** Makes a chain the default (typed by its name or display name). */
export async function setDefaultChain(scope: RequestScope, typed: string): Promise<void> {
  await reviewTx(scope.deps.db, async (tx) => {
    const found = await findChain(tx, scope.team.id, typed);
    await markDefault(tx, scope.team.id, found.chain.name, scope.now);
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "review.chain_default", subjectType: "review_chain", subjectId: found.chain.name, at: scope.now });
    await replyNotice(tx, scope, reviewNotices[scope.actor.locale].chainDefault(shownName(found.chain, scope.actor.locale)));
  });
}

/** Stops using a chain (kept, inactive); the default cannot be removed. */
export async function removeChain(scope: RequestScope, typed: string): Promise<void> {
  await reviewTx(scope.deps.db, async (tx) => {
    const found = await findChain(tx, scope.team.id, typed);
    const shown = shownName(found.chain, scope.actor.locale);
    if (found.isDefault) throw new AppError("review.chain_is_default", { name: shown });
    await tx.reviewChain.update({ where: { id: found.id }, data: { active: false, updatedAt: scope.now } });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "review.chain_remove", subjectType: "review_chain", subjectId: found.chain.name, at: scope.now });
    await replyNotice(tx, scope, reviewNotices[scope.actor.locale].chainRemoved(shown));
  });
}

/** A chain as `locale` reads it. */
function shownName(chain: TChain, locale: Locale): string {
  return levelName(chainDisplayName(chain), locale);
}

/** Loads templates/review-chains.json into the team. */
export async function importChainsCommand(scope: RequestScope): Promise<void> {
  const file = readChainsFile();
  await reviewTx(scope.deps.db, async (tx) => {
    const names = await importChains(tx, scope.team.id, file, scope.actor.id, scope.now);
    const locale = scope.actor.locale;
    const byDefault = file.chains.find((c) => c.default)!;
    const shown = file.chains.filter((c) => names.includes(c.name)).map((c) => shownName(c, locale));
    await replyNotice(tx, scope, reviewNotices[locale].chainsImported(shown.join(locale === "en" ? ", " : "、"), shownName(byDefault, locale)));
  });
}
