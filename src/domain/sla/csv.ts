// CSV exports from the platforms (评论导出): RFC 4180 parsing (quotes, doubled quotes, CRLF, a BOM) and a
// row-by-row mapping onto intake items. Pure text in, rows out; no library needed for this much.

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

const REQUIRED = ["platform", "account", "kind", "externalId", "createdAt"] as const;

/** Splits CSV text into records of fields. Throws on an unclosed quote (the file is cut off). */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  if (quoted) throw new Error("a quoted field is not closed (the file may be cut off)");
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ""));
}

/** A CSV row mapped to an intake item's raw fields, or why it cannot be. `line` is 1-based, header = 1. */
export type CsvRow = { line: number; ok: true; raw: Record<string, string> } | { line: number; ok: false; error: string };

/** Maps CSV text to raw items by its header; rows with missing columns are reported, not guessed. */
export function csvToRawItems(text: string): { rows: CsvRow[]; headerError?: string } {
  const records = parseCsv(text);
  const header = records[0];
  if (!header) return { rows: [], headerError: "the file is empty" };
  const cols = header.map((h) => ALIASES[h.trim().toLowerCase()] ?? ALIASES[h.trim()]);
  const missing = REQUIRED.filter((r) => !cols.includes(r));
  if (missing.length > 0) return { rows: [], headerError: `the header lacks column(s): ${missing.join(", ")}` };
  const rows = records.slice(1).map((rec, i): CsvRow => {
    const line = i + 2;
    if (rec.length !== header.length) return { line, ok: false, error: `expected ${header.length} columns, found ${rec.length}` };
    const raw: Record<string, string> = {};
    cols.forEach((c, j) => {
      if (c && rec[j]!.trim() !== "") raw[c] = rec[j]!.trim();
    });
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
