// Every template in both languages, with the registry's representative models (test/contract/sample-cards.ts):
// no raw identifier in a zh-CN card, no validator sentence in either language. /help is rendered for every command.
import { describe, expect, it } from "vitest";
import { ALL_COMMANDS } from "../../commands/registry.js";
import type { Locale } from "../../src/domain/locale.js";
import { renderTemplate } from "../../templates/index.js";
import { renderedSamples } from "../contract/sample-cards.js";
import { findRawWords, formatFindings, readableTexts, type RawWordFinding } from "../support/raw-words.js";

// The notice template shows text its callers already wrote in the reader's language; the callers' copy is
// checked where it is produced (test/words/walkthrough.test.ts).
const CALLER_WORDED = new Set(["notice"]);

describe("templates speak the reader's language", () => {
  const findings: RawWordFinding[] = [];
  for (const s of renderedSamples()) {
    if (CALLER_WORDED.has(s.id)) continue;
    findings.push(...findRawWords(`template:${s.id}`, s.name, [...new Set(readableTexts(s.card))], s.locale, { userContent: s.userContent }));
  }
  for (const locale of ["zh-CN", "en"] as Locale[]) {
    const overview = renderTemplate("help", { ids: ALL_COMMANDS.map((c) => c.id), detail: false }, locale);
    findings.push(...findRawWords("help", `help/${locale}`, readableTexts(overview), locale));
    for (const c of ALL_COMMANDS) {
      findings.push(...findRawWords("help", `help ${c.id}/${locale}`, [...new Set(readableTexts(renderTemplate("help", { ids: [c.id], detail: true }, locale)))], locale));
    }
  }

  it("every sample of every template and /help of every command: no raw identifiers or validator sentences", () => {
    expect(formatFindings(findings)).toBe("");
  });
});
