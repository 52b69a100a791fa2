// Comment exports (CSV) at their edges, as the files people upload are written: old Mac line ends, a quote inside
// an unquoted field, a last line without a line end, blank lines of spaces, single-column files, headers with
// spaces and capitals, extra and blank cells, and export times on the minute (policy-stats-intake.test.ts has
// the ordinary cases).
import { describe, expect, it } from "vitest";
import { csvToRawItems, localCsvTime, parseCsvRecords } from "../../../src/domain/sla/index.js";

const SH = "Asia/Shanghai";

describe("CSV records", () => {
  it("splits lines ended by a lone CR, and counts a lone CR inside quotes as a line", () => {
    expect(parseCsvRecords("a,b\rc,d")).toEqual([{ line: 1, fields: ["a", "b"] }, { line: 2, fields: ["c", "d"] }]);
    expect(parseCsvRecords('"x\ry",z\nw,v')).toEqual([{ line: 1, fields: ["x\ry", "z"] }, { line: 3, fields: ["w", "v"] }]);
  });
  it("keeps a quote inside an unquoted field as it is", () => {
    expect(parseCsvRecords('5"5,x')).toEqual([{ line: 1, fields: ['5"5', "x"] }]);
  });
  it("keeps a last line without a line end, also when it ends in an empty field", () => {
    expect(parseCsvRecords("a,b\nc")).toEqual([{ line: 1, fields: ["a", "b"] }, { line: 2, fields: ["c"] }]);
    expect(parseCsvRecords("a,b\nc,")).toEqual([{ line: 1, fields: ["a", "b"] }, { line: 2, fields: ["c", ""] }]);
  });
  it("skips blank lines, spaces only too, but keeps a row whose first field is empty and single-column rows", () => {
    expect(parseCsvRecords("a,b\n   \n,d")).toEqual([{ line: 1, fields: ["a", "b"] }, { line: 3, fields: ["", "d"] }]);
    expect(parseCsvRecords("id\n5\n")).toEqual([{ line: 1, fields: ["id"] }, { line: 2, fields: ["5"] }]);
  });
});

describe("CSV rows as items", () => {
  it("says an empty file is empty, and maps no row when columns are missing", () => {
    expect(csvToRawItems("")).toEqual({ rows: [], headerError: "the file is empty" });
    expect(csvToRawItems("platform,account\ndouyin,a\n")).toEqual({ rows: [], headerError: "the header lacks column(s): externalId, createdAt" });
  });
  it("reads headers with spaces and capitals, leaves out unknown columns and blank cells", () => {
    const { rows } = csvToRawItems(" Platform ,ACCOUNT,kind,ExternalId,note,Text,CreatedAt\ndouyin,brand, ,c1,ignore me,hi,2026-11-26T09:00:00+08:00\n");
    expect(rows).toEqual([{ line: 2, ok: true, raw: { platform: "douyin", account: "brand", externalId: "c1", text: "hi", createdAt: "2026-11-26T09:00:00+08:00" } }]);
  });
  it("refuses a row without words in a file with a text column but no author column", () => {
    const { rows } = csvToRawItems("platform,account,externalId,text,createdAt\ndouyin,brand,c1,,2026-11-26T09:00:00+08:00\n");
    expect(rows).toEqual([{ line: 2, ok: false, error: "author and text are both empty" }]);
  });
  it("leaves a blank time blank when reading times on the team's clock", () => {
    const { rows } = csvToRawItems("platform,account,externalId,createdAt\ndouyin,brand,c1,\n", { zone: SH });
    expect(rows).toEqual([{ line: 2, ok: true, raw: { platform: "douyin", account: "brand", externalId: "c1" } }]);
  });
});

describe("export times on the team's clock", () => {
  it("take 23:59:59 with spaces around it, not hour 24, minute 60 or second 60", () => {
    expect(localCsvTime(" 2026-11-26 23:59:59 ", SH)).toBe("2026-11-26T15:59:59.000Z");
    for (const bad of ["2026-11-26 24:00", "2026-11-26 09:60", "2026-11-26 09:30:60"]) expect(localCsvTime(bad, SH), bad).toBeUndefined();
  });
  it("refuse text before or after the time", () => {
    expect(localCsvTime("x2026-11-26 09:30", SH)).toBeUndefined();
    expect(localCsvTime("2026-11-26 09:30 pm", SH)).toBeUndefined();
  });
});
