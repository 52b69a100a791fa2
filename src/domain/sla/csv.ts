// CSV exports from the platforms (评论导出): RFC 4180 parsing (quotes, doubled quotes, CRLF, a BOM) and a
// row-by-row mapping onto intake items. Pure text in, rows out; no library needed for this much.
import { instantAt } from "../calendar/zoned.js";
import { isLocalDay } from "../calendar/local-day.js";
import { parsePlatform } from "../topics/vocabulary.js";
import type { SlaKind } from "./vocabulary.js";

/** The columns an import needs (header names, case-insensitive; Chinese headers are accepted too). */
export const CSV_COLUMNS = ["platform", "account", "kind", "externalId", "author", "text", "link", "createdAt"] as const;

const ALIASES: Record<string, (typeof CSV_COLUMNS)[number]> = {
  platform: "platform", 平台: "platform",
  account: "account", 账号: "account",
  kind: "kind", 类型: "kind",
  externalid: "externalId", external_id: "externalId", id: "externalId", 编号: "externalId",
  author: "author", 用户: "author", 作者: "author",
  text: "text", 内容: "text",
  link: "link", 链接: "link",
  createdat: "createdAt", created_at: "createdAt", 时间: "createdAt", 发布时间: "createdAt",
};

/** The columns a file must have; a missing or empty kind means comment, as in the JSON intake. */
const REQUIRED = ["platform", "account", "externalId", "createdAt"] as const;

/** One record of a CSV file and the physical line it starts on (1-based; quoted fields may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Splits CSV text into records with their line numbers. Throws on an unclosed quote (the file is cut off). */
export function parseCsvRecords(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === "\n" || (c === "\r" && src[i + 1] !== "\n")) line++;
        field += c;
      }
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field), records.push({ line: start, fields: row }), (row = []), (field = "");
      start = ++line;
    } else field += c;
  }
  if (quoted) throw new Error(`a quoted field opened on line ${start} is not closed (the file may be cut off)`);
  if (field !== "" || row.length > 0) row.push(field), records.push({ line: start, fields: row });
  return records.filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ""));
}

/** Splits CSV text into records of fields. Throws on an unclosed quote (the file is cut off). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}

/** A CSV row mapped to an intake item's raw fields, or why it cannot be. `line` is 1-based, header = 1. */
export type CsvRow = { line: number; ok: true; raw: Record<string, string> } | { line: number; ok: false; error: string };

const KIND_ALIASES: Record<string, SlaKind> = { 评论: "comment", 回复: "reply", 私信: "dm", 消息: "dm", 投诉: "complaint" };
const LOCAL_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-11-26 09:30[:00]" (or with slashes), as exports write it, read on the team's wall clock in `zone`. */
export function localCsvTime(value: string, zone: string): string | undefined {
  const m = LOCAL_TIME.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [m[1]!, m[2]!, m[3]!, Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  const day = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
  if (!isLocalDay(day) || h > 23 || mi > 59 || sec > 59) return undefined;
  return new Date(instantAt(day, h * 60 + mi, zone).getTime() + sec * 1000).toISOString();
}

/**
 * Maps CSV text to raw items by its header; rows with missing columns are reported, not guessed. Platform and
 * kind may be written in Chinese (抖音, 私信); a createdAt without a zone is read in `opts.zone` when given.
 */
export function csvToRawItems(text: string, opts: { zone?: string } = {}): { rows: CsvRow[]; headerError?: string } {
  const records = parseCsvRecords(text);
  const header = records[0]?.fields;
  if (!header) return { rows: [], headerError: "the file is empty" };
  const cols = header.map((h) => ALIASES[h.trim().toLowerCase()] ?? ALIASES[h.trim()]);
  const missing = REQUIRED.filter((r) => !cols.includes(r));
  if (missing.length > 0) return { rows: [], headerError: `the header lacks column(s): ${missing.join(", ")}` };
  const hasWords = cols.includes("author") || cols.includes("text");
  const rows = records.slice(1).map(({ line, fields: rec }): CsvRow => {
    if (rec.length !== header.length) return { line, ok: false, error: `expected ${header.length} columns, found ${rec.length}` };
    const raw: Record<string, string> = {};
    cols.forEach((c, j) => {
      if (c && rec[j]!.trim() !== "") raw[c] = rec[j]!.trim();
    });
    // In a file that carries who wrote and what was written, a row with neither is a blank or broken line, not a
    // comment to answer. (A file without those columns, e.g. a DM list by id, is read as it is.)
    if (hasWords && !raw.author && !raw.text) return { line, ok: false, error: "author and text are both empty" };
    if (raw.platform) raw.platform = parsePlatform(raw.platform) ?? raw.platform;
    if (raw.kind) raw.kind = KIND_ALIASES[raw.kind] ?? raw.kind.toLowerCase();
    if (raw.createdAt && opts.zone) raw.createdAt = localCsvTime(raw.createdAt, opts.zone) ?? raw.createdAt;
    return { line, ok: true, raw };
  });
  return { rows };
}

/** True when the bytes are valid UTF-8; exports saved by Excel on Chinese Windows are often GBK instead. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
