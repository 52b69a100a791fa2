// Helpers for the review integration tests: a topic ready for review, submitting it, finding its cards.
import { expect } from "vitest";
import { cardText, type ApiMessage, type consoleClient } from "./console-client.js";

type Api = ReturnType<typeof consoleClient>;

/** The console channel reviews are submitted from in the tests. */
export const REVIEWS = "reviews";

/** Proposes, accepts and assigns a topic so it is drafting (owner `owner`); returns its id. */
export async function draftingTopic(api: Api, title: string, owner = "chen.jie", extra = "--platform douyin"): Promise<number> {
  const proposed = await api.say(owner, `/topic propose ${title} ${extra}`);
  expect(proposed.status, proposed.error).toBe(200);
  const id = Number(/^#(\d+)/.exec(proposed.messages.find((m) => m.card?.title.startsWith("#"))!.card!.title)![1]);
  expect((await api.say("wang.fang", `/topic accept ${id}`)).status).toBe(200);
  const assigned = await api.say("wang.fang", `/topic assign ${id} @${owner}`);
  expect(assigned.status, assigned.error).toBe(200);
  return id;
}

/** Submits `args` ("<topic> <draft> [note] ...") as `user` in the reviews channel; returns the review id. */
export async function submit(api: Api, args: string, user = "chen.jie"): Promise<number> {
  const res = await api.say(user, `/review submit ${args}`, REVIEWS);
  expect(res.status, res.error).toBe(200);
  const card = res.messages.find((m) => /^(审核|Review) R\d+ /.test(m.card?.title ?? ""));
  expect(card, "a review card").toBeDefined();
  return Number(/R(\d+)/.exec(card!.card!.title)![1]);
}

/** The reviews channel as `user` sees it. */
export async function channel(api: Api, user = "wang.fang"): Promise<ApiMessage[]> {
  const res = await api.read(REVIEWS, user);
  expect(res.status).toBe(200);
  return res.messages;
}

/** The request card of `reviewId` for level `level` (of `levels`) and version `version`, latest first. */
export async function requestCard(api: Api, reviewId: number, level: number, version = 1, levels = 3): Promise<ApiMessage> {
  const all = (await channel(api)).filter((m) => isRequestCard(m, reviewId));
  const card = all.reverse().find((m) => (cardText(m).includes(`级别: ${level} / ${levels}`) || cardText(m).includes(`Level: ${level} / ${levels}`)) && (cardText(m).includes(`版本: v${version}`) || cardText(m).includes(`Version: v${version}`)));
  if (!card) throw new Error(`no request card for R${reviewId} level ${level} v${version}`);
  return card;
}

/** The status card of `reviewId` in the channel. */
export async function statusCard(api: Api, reviewId: number): Promise<ApiMessage> {
  const card = (await channel(api)).find((m) => m.card?.title.includes(`R${reviewId} `) && (cardText(m).includes("状态: ") || cardText(m).includes("Status: ")) && !m.ephemeral);
  if (!card) throw new Error(`no status card for R${reviewId}`);
  return card;
}

/** True for a request card of the review. */
export function isRequestCard(m: ApiMessage, reviewId: number): boolean {
  return Boolean(m.card?.title.includes(`R${reviewId} `)) && (cardText(m).includes("级别: ") || cardText(m).includes("Level: "));
}

/** Every alert (reminder, escalation, outcome) of the review posted in the channel, oldest first. */
export async function alerts(api: Api, reviewId: number): Promise<string[]> {
  return (await channel(api))
    .filter((m) => m.card?.title.includes(`R${reviewId} `) && !isRequestCard(m, reviewId) && !cardText(m).includes("状态: ") && !cardText(m).includes("Status: "))
    .map((m) => m.card!.blocks.flatMap((b) => (b.type === "list" ? b.items : [])).join(" | "));
}
