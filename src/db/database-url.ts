// DATABASE_URL handling for the embedded SQLite default.
import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";

/** The absolute file path of a `file:` URL, relative paths taken from `cwd`. */
export function sqlitePathFromUrl(url: string, cwd = process.cwd()): string {
  const raw = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}

/** Makes sure the database file's folder exists (a fresh clone has no ./data). */
export function ensureDatabaseFolder(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}
