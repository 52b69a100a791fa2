// Every refusal in the catalogue, in both languages: its own words carry no raw identifier (zh-CN) and no
// validator sentence. Parameters are stand-ins here; real parameters are checked by the walkthrough.
import { describe, expect, it } from "vitest";
import type { Locale } from "../../src/domain/locale.js";
import { ERROR_MESSAGES } from "../../templates/strings/errors.js";
import { findRawWords, formatFindings } from "../support/raw-words.js";

/** Parameters that read as a neutral Chinese stand-in whatever their name. */
const STAND_IN = new Proxy({}, { get: (_t, key) => (typeof key === "string" ? `〔${key.length}〕` : undefined) }) as Record<string, string>;

describe("refusal messages", () => {
  const findings = (["zh-CN", "en"] as Locale[]).flatMap((locale) =>
    Object.entries(ERROR_MESSAGES[locale]).flatMap(([code, format]) => findRawWords(`error:${code}`, `${code}/${locale}`, format(STAND_IN).split("\n"), locale)),
  );

  it("no raw identifiers or validator sentences in the catalogue's own words", () => {
    expect(formatFindings(findings)).toBe("");
  });
});
