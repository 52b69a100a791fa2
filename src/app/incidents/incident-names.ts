// How an incident's roles and steps are named and typed: the card, timeline and refusals show their names in
// each reader's language; commands take a role by code or either name, a step by number, key or text.
import type { RoleRef } from "../../../templates/incident/incident-view.js";
import { CORE_ROLE_NAMES } from "../../../templates/incident/incident-copy.js";
import type { TPlaybook } from "../../domain/incidents/playbook.js";
import { CORE_ROLES } from "../../domain/incidents/vocabulary.js";
import type { Localized } from "../../domain/locale.js";
import { aliasKey } from "../../domain/aliases.js";

/** A role of the playbook as a reference the templates name (core roles by their table). */
export function roleRef(playbook: TPlaybook, code: string): RoleRef {
  if ((CORE_ROLES as readonly string[]).includes(code)) return { code, name: null };
  return { code, name: playbook.roles.find((r) => r.id === code)?.name ?? null };
}

/** A role's names in both languages (for refusals that list them). */
export function roleNames(playbook: TPlaybook, code: string): Localized {
  const ref = roleRef(playbook, code);
  if (ref.name) return ref.name;
  const core = (locale: keyof Localized) => (CORE_ROLE_NAMES[locale] as Record<string, string>)[code] ?? code;
  return { "zh-CN": core("zh-CN"), en: core("en") };
}

/** The role code `typed` means among `codes`: its code, or its name in either language. */
export function findRole(playbook: TPlaybook, codes: readonly string[], typed: string): string | undefined {
  const key = aliasKey(typed);
  return codes.find((c) => {
    const n = roleNames(playbook, c);
    return [c, n["zh-CN"], n.en].some((x) => aliasKey(x) === key);
  });
}

/** A list of names in one language each, joined the way that language lists. */
export function listOf(names: readonly Localized[]): Localized {
  return { "zh-CN": names.map((n) => n["zh-CN"]).join("、"), en: names.map((n) => n.en).join(", ") };
}

/** A step as stored: its key, position (0-based) and text. */
export interface StepName {
  key: string;
  position: number;
  text: Localized;
}

/** The step `typed` means: its number (1-based, as on the card), its key, or its text in either language. */
export function findStep<S extends StepName>(steps: readonly S[], typed: string): S | undefined {
  const t = typed.trim().replace(/^[#＃第]/, "").replace(/步$/, "");
  if (/^\d{1,3}$/.test(t)) return steps.find((s) => s.position + 1 === Number(t));
  const key = aliasKey(typed);
  return steps.find((s) => aliasKey(s.key) === key || aliasKey(s.text["zh-CN"]) === key || aliasKey(s.text.en) === key);
}

/** "1. text" lines of steps for a refusal, in both languages. */
export function stepList(steps: readonly StepName[]): Localized {
  return listOf(steps.map((s) => ({ "zh-CN": `${s.position + 1}. ${s.text["zh-CN"]}`, en: `${s.position + 1}. ${s.text.en}` })));
}
