// Review chains as data (多级审核): ordered levels, each naming its reviewers, its rule (any one 或签, all 会签, or
// at least N), a deadline in working hours and whom to escalate to, plus the conditions that pick a chain for a
// piece. Admins write chains with /review chain commands or in templates/review-chains.json; both end up here,
// so a chain is checked by one set of rules whichever way it came in.
import { z } from "zod";
import { AppError } from "../errors.js";
import type { Locale } from "../locale.js";
import { ROLES } from "../roles.js";
import { FORMATS, PLATFORMS, THEMES } from "../topics/vocabulary.js";

/** A user handle as written in a chain (a leading @ is dropped). */
export const ZChainHandle = z
  .string()
  .transform((s) => s.trim().replace(/^[@＠]/, ""))
  .pipe(z.string().regex(/^[\w.-]{1,64}$/, "not a user handle"));

/** Who: named users, the holders of a role, or both. */
export const ZPeople = z
  .object({ users: z.array(ZChainHandle).default([]), role: z.enum(ROLES).optional() })
  .refine((p) => p.users.length > 0 || p.role !== undefined, { message: "name at least one user or a role" });
/** Named users and/or a role. */
export type TPeople = z.output<typeof ZPeople>;

/** How many of a level's reviewers must approve: one (或签), all (会签), or at least N. */
export const ZRule = z.union([z.literal("any"), z.literal("all"), z.object({ atLeast: z.number().int().min(1).max(20) })]);
/** A level's rule. */
export type TRule = z.output<typeof ZRule>;

const ZNameText = z.string().trim().min(1).max(40);
/** A name people read: one text, or one per language. */
export const ZDisplayName = z.union([ZNameText, z.object({ "zh-CN": ZNameText, en: ZNameText })]);
/** A level's display name. */
export type TDisplayName = z.output<typeof ZDisplayName>;

/** One level of a chain. */
export const ZLevel = z.object({
  name: ZDisplayName,
  reviewers: ZPeople,
  rule: ZRule,
  /** Deadline in working hours (team calendar) from the moment the level is asked. */
  hours: z.number().positive().max(400),
  /** The reminder goes this many working minutes before the deadline (default: 60, or half a shorter deadline). */
  remindBeforeMinutes: z.number().int().min(1).max(1440).optional(),
  /** Whom an overdue level is escalated to. */
  escalateTo: ZPeople,
  /** Working hours between repeated escalations while the level stays overdue: at most one per period. */
  repeatHours: z.number().positive().max(400).default(4),
});
/** A chain level. */
export type TLevel = z.output<typeof ZLevel>;

/** The conditions on a piece that pick a chain; every condition given must hold, none given matches all. */
export const ZMatch = z
  .object({
    platforms: z.array(z.enum(PLATFORMS)).min(1).optional(),
    formats: z.array(z.enum(FORMATS)).min(1).optional(),
    themes: z.array(z.enum(THEMES)).min(1).optional(),
    sensitive: z.boolean().optional(),
    urgent: z.boolean().optional(),
  })
  .strict();
/** A chain's conditions. */
export type TMatch = z.output<typeof ZMatch>;

/** A chain name: letters (any script), digits, _ . - ; it is typed in commands. */
export const ZChainName = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_.-]{1,32}$/u, "review.bad_chain_name");

/** A chain as stored. Lower `priority` is tried first; the default chain is the fallback when none match. */
export const ZChain = z.object({
  name: ZChainName,
  /** What people read for it (品牌审核); the name is what admins type, and either finds the chain. */
  displayName: ZDisplayName.optional(),
  levels: z.array(ZLevel).min(1).max(6),
  when: ZMatch.default({}),
  priority: z.number().int().min(0).max(1000).default(100),
  /** Told of every outcome (抄送). */
  cc: z.array(ZChainHandle).default([]),
});
/** A validated chain. */
export type TChain = z.output<typeof ZChain>;
/** A chain as written (defaults may be left out). */
export type TChainInput = z.input<typeof ZChain>;

/** templates/review-chains.json: the team's chains, exactly one of them marked default. */
export const ZChainsFile = z.object({ chains: z.array(ZChain.extend({ default: z.boolean().default(false) })).min(1) });
/** A parsed chains file. */
export type TChainsFile = z.output<typeof ZChainsFile>;

/** The fewest approvals a level can ever need; a role counts as at least one person (its size is not known yet). */
export function minimumApprovals(level: Pick<TLevel, "rule" | "reviewers">): number {
  if (level.rule === "any") return 1;
  if (level.rule === "all") return Math.max(1, level.reviewers.users.length);
  return level.rule.atLeast;
}

/**
 * The rules a chain must keep whoever wrote it: a quorum no larger than the people named (unless a role may
 * supply more), and the two-person rule (双人审核): however short the lane, at least two approvals in all.
 */
export function assertChainRules(chain: TChain): void {
  chain.levels.forEach((level, i) => {
    const r = level.rule;
    if (typeof r === "object" && level.reviewers.role === undefined && r.atLeast > level.reviewers.users.length) {
      throw new AppError("review.quorum_too_big", { level: i + 1, need: r.atLeast, listed: level.reviewers.users.length });
    }
  });
  const total = chain.levels.reduce((sum, l) => sum + minimumApprovals(l), 0);
  if (total < 2) throw new AppError("review.two_person", { chain: chain.name });
}

/** Validates a chain written by an admin; zod problems become one readable refusal. */
export function parseChain(input: unknown): TChain {
  const parsed = ZChain.safeParse(input);
  if (!parsed.success) throw new AppError("review.chain_invalid", { problem: describeIssue(parsed.error) });
  assertChainRules(parsed.data);
  return parsed.data;
}

/** Validates a chains file: shape, unique names, exactly one default, and every chain's rules. */
export function parseChainsFile(json: unknown): TChainsFile {
  const parsed = ZChainsFile.safeParse(json);
  if (!parsed.success) throw new AppError("review.chain_invalid", { problem: describeIssue(parsed.error) });
  const names = parsed.data.chains.map((c) => c.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new AppError("review.chain_invalid", { problem: `"${twice}" is listed twice` });
  const defaults = parsed.data.chains.filter((c) => c.default).length;
  if (defaults !== 1) throw new AppError("review.chain_invalid", { problem: `${defaults} chains are marked default; mark exactly one` });
  parsed.data.chains.forEach(assertChainRules);
  return parsed.data;
}

/** "chains.0.levels.1.rule: Invalid input", for admins fixing a file. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** A level's name in `locale`. */
export function levelName(name: TDisplayName, locale: Locale): string {
  return typeof name === "string" ? name : name[locale];
}

/** A chain's name as people read it: its display name, else the name it was set with. */
export function chainDisplayName(chain: Pick<TChain, "name" | "displayName">): TDisplayName {
  return chain.displayName ?? chain.name;
}
