// Writes China's official holiday arrangement from the `chinese-days` package into
// templates/calendars/cn-mainland.json, the file the service reads and admins may edit.
//
//   npx tsx scripts/export-cn-calendar.ts            # 2025 and 2026
//   npx tsx scripts/export-cn-calendar.ts 2027       # once chinese-days has published 2027
//
// Only the years asked for are regenerated; other years already in the file (an admin's hand-entered year)
// are kept. A year chinese-days does not know is refused rather than written as a plain Mon-Fri year.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { arrangementFromChineseDays } from "../src/domain/calendar/chinese-days-source.js";
import {
  mergeArrangements,
  parseOfficialArrangement,
  type OfficialArrangement,
} from "../src/domain/calendar/holiday-data.js";

const DEFAULT_YEARS = [2025, 2026];
const target = fileURLToPath(new URL("../templates/calendars/cn-mainland.json", import.meta.url));

/** Pretty JSON with one holiday per line, so an admin can read and edit a year at a glance. */
function format(arrangement: OfficialArrangement): string {
  const years = Object.entries(arrangement.years).map(([year, { holidays, workdays }]) => {
    const hs = holidays.map((h) => `        ${JSON.stringify(h)}`).join(",\n");
    const ws = JSON.stringify(workdays);
    return `    "${year}": {\n      "holidays": [\n${hs}\n      ],\n      "workdays": ${ws}\n    }`;
  });
  return `{\n  "years": {\n${years.join(",\n")}\n  }\n}\n`;
}

function main(argv: string[]): void {
  const years = argv.length > 0 ? argv.map(Number) : DEFAULT_YEARS;
  const bad = years.filter((y) => !Number.isInteger(y) || y < 2000 || y > 2100);
  if (bad.length > 0) throw new Error(`Not a year: ${bad.join(", ")}`);

  const existing = existsSync(target)
    ? parseOfficialArrangement(JSON.parse(readFileSync(target, "utf8")))
    : { years: {} };
  const merged = mergeArrangements(existing, arrangementFromChineseDays(years));
  // Re-key in year order so diffs of the file stay readable.
  const ordered = Object.fromEntries(Object.entries(merged.years).sort(([a], [b]) => Number(a) - Number(b)));
  const checked = parseOfficialArrangement({ years: ordered });
  writeFileSync(target, format(checked), "utf8");
  console.log(`Wrote ${target}: years ${Object.keys(checked.years).join(", ")} (regenerated ${years.join(", ")})`);
}

main(process.argv.slice(2));
