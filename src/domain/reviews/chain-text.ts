// The one-line form admins type in chat for /review chain set, parsed into the same data as the JSON file:
//   editors=any:@li.wei,@zhang.min/8h>@wang.fang; compliance=all:@liu.yang,@emma/8h; brand=2:@wang.fang,role:manager/4h
// A level is [name=]rule:people[/hours][>escalate to]. Full-width punctuation from Chinese keyboards is accepted.
import { AppError } from "../errors.js";
import { isRole, type Role } from "../roles.js";
import { parseFormat, parsePlatformList, parseTheme } from "../topics/vocabulary.js";
import type { TChainInput, TMatch, TPeople, TRule } from "./chain.js";

type LevelInput = TChainInput["levels"][number];

/** Default deadline when a level gives none: one working day. */
export const DEFAULT_LEVEL_HOURS = 8;

const ROLE_WORDS: Record<string, Role> = { 主管: "manager", 管理员: "admin", 审核: "reviewer", 运营: "operator" };

/** Full-width separators → ASCII, so "编辑＝任一：@li.wei；" parses like its ASCII twin. */
function normalize(text: string): string {
  return text.replace(/[；]/g, ";").replace(/[，、]/g, ",").replace(/[：]/g, ":").replace(/[＝]/g, "=").replace(/[＞]/g, ">").replace(/[／]/g, "/").replace(/[＠]/g, "@");
}

/** "any", "或签", "all", "会签", "2", "2of", "2-of", "至少2" → a rule. */
export function parseRule(raw: string): TRule {
  const s = raw.trim().toLowerCase();
  if (s === "any" || s === "或签" || s === "任一") return "any";
  if (s === "all" || s === "会签" || s === "全部") return "all";
  const m = /^(?:至少)?(\d{1,2})(?:-?of)?$/.exec(s);
  if (m) return { atLeast: Number(m[1]) };
  throw new AppError("review.bad_rule", { value: raw.trim() });
}

/** "@li.wei,role:manager" → people. */
export function parsePeople(raw: string): TPeople {
  const users: string[] = [];
  let role: Role | undefined;
  for (const part of raw.split(",").map((p) => p.trim()).filter(Boolean)) {
    const r = /^(?:role:|角色[:：]|%)(.+)$/i.exec(part);
    if (r) {
      const word = r[1]!.trim().toLowerCase();
      const found = isRole(word) ? word : ROLE_WORDS[word];
      if (!found || role) throw new AppError("review.bad_people", { value: part });
      role = found;
    } else if (/^@?[\w.-]{1,64}$/.test(part)) {
      users.push(part.replace(/^@/, ""));
    } else {
      throw new AppError("review.bad_people", { value: part });
    }
  }
  if (users.length === 0 && !role) throw new AppError("review.bad_people", { value: raw.trim() || "-" });
  return role ? { users, role } : { users };
}

/** "8h", "90m", "1.5h", "4小时", "30分钟" → hours. */
export function parseHours(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(h|小时|m|min|分钟)$/i.exec(raw.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!m || !(n > 0)) throw new AppError("review.bad_duration", { value: raw.trim() });
  return /^(m|min|分钟)$/i.test(m[2]!) ? n / 60 : n;
}

/** One level in its one-line form. */
export function parseLevelText(raw: string, index: number): LevelInput {
  let rest = raw.trim();
  let escalateTo: TPeople = { users: [], role: "manager" };
  const gt = rest.lastIndexOf(">");
  if (gt >= 0) [rest, escalateTo] = [rest.slice(0, gt), parsePeople(rest.slice(gt + 1))];
  let hours = DEFAULT_LEVEL_HOURS;
  const slash = rest.lastIndexOf("/");
  if (slash >= 0) [rest, hours] = [rest.slice(0, slash), parseHours(rest.slice(slash + 1))];
  const eq = rest.indexOf("=");
  const name = eq >= 0 ? rest.slice(0, eq).trim() : `L${index + 1}`;
  const body = eq >= 0 ? rest.slice(eq + 1) : rest;
  const colon = body.indexOf(":");
  if (colon < 0 || !name) throw new AppError("review.bad_level_text", { part: raw.trim() });
  return { name, rule: parseRule(body.slice(0, colon)), reviewers: parsePeople(body.slice(colon + 1)), hours, escalateTo };
}

/** All levels, separated by ";" or "|". */
export function parseLevelsText(text: string): LevelInput[] {
  const parts = normalize(text).split(/[;|]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new AppError("review.bad_level_text", { part: text.trim() || "-" });
  return parts.map(parseLevelText);
}

/** "platform=douyin,weibo format=live theme=news sensitive urgent" → conditions. */
export function parseWhenText(text: string): TMatch {
  const out: TMatch = {};
  for (const part of normalize(text).split(/[;\s]+/).filter(Boolean)) {
    const [key = "", value = ""] = part.split("=", 2) as [string?, string?];
    const k = key.toLowerCase();
    const yes = value === "" || /^(yes|true|1|是)$/i.test(value);
    const no = /^(no|false|0|否)$/i.test(value);
    if ((k === "urgent" || k === "紧急" || k === "加急") && (yes || no)) out.urgent = yes;
    else if ((k === "sensitive" || k === "敏感") && (yes || no)) out.sensitive = yes;
    else if ((k === "platform" || k === "平台") && value) out.platforms = parsePlatformList(value);
    else if ((k === "format" || k === "形式") && value) out.formats = value.split(",").map((v) => parseFormat(v) ?? fail(part));
    else if ((k === "theme" || k === "主题") && value) out.themes = value.split(",").map((v) => parseTheme(v) ?? fail(part));
    else fail(part);
  }
  return out;
}

function fail(part: string): never {
  throw new AppError("review.bad_condition", { value: part });
}
