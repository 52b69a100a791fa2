// The examples /help shows are commands that work: each, in each language, parses to its own command.
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../commands/parse.js";
import { ALL_COMMANDS } from "../../commands/registry.js";
import type { Locale } from "../../src/domain/locale.js";

const cases = ALL_COMMANDS.flatMap((c) =>
  c.examples.flatMap((e, i) => (["zh-CN", "en"] as Locale[]).map((locale) => [`${c.id} #${i + 1} (${locale})`, c.id, typeof e === "string" ? e : e[locale]] as const)),
);

describe("help examples", () => {
  it.each(cases)("%s parses", (_name, id, text) => {
    expect(parseCommand(text).id).toBe(id);
  });
});
