// The second half of `npm run build` (after `tsc -b tsconfig.build.json`): puts the files the service reads at run
// time beside the compiled JavaScript, so dist/ finds them at the same relative paths as the sources do (the
// console page, templates/*.json, the playbooks' YAML, the calendars, and both databases' migrations). It mirrors:
// a file in dist/ with neither a TypeScript source nor an asset behind it any more (a deleted playbook, a
// regenerated migration, a removed module) is deleted, so a build never runs what the sources no longer have.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const DIST = join(ROOT, "dist");
/** Folders compiled by tsconfig.build.json: their non-TypeScript files are assets. */
const COMPILED_ROOTS = ["src", "commands", "templates"];
/** Folders copied whole (SQL migrations applied by the service at start). */
const COPIED_WHOLE = ["prisma/migrations", "prisma/postgres/migrations"];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const isTypeScript = (file: string) => file.endsWith(".ts");

/** True when `distFile` (a path relative to dist/) still has a source: its .ts, or the asset itself. */
function hasSource(rel: string): boolean {
  if (existsSync(join(ROOT, rel)) && !isTypeScript(rel)) return true;
  return rel.endsWith(".js") && existsSync(join(ROOT, rel.replace(/\.js$/, ".ts")));
}

let removed = 0;
for (const root of COMPILED_ROOTS) {
  for (const file of filesUnder(join(DIST, root))) {
    if (!hasSource(relative(DIST, file))) (rmSync(file), (removed += 1));
  }
}
let copied = 0;
for (const root of COMPILED_ROOTS) {
  for (const file of filesUnder(join(ROOT, root)).filter((f) => !isTypeScript(f))) {
    const target = join(DIST, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
    copied += 1;
  }
}
for (const folder of COPIED_WHOLE) {
  rmSync(join(DIST, folder), { recursive: true, force: true });
  cpSync(join(ROOT, folder), join(DIST, folder), { recursive: true });
  copied += filesUnder(join(ROOT, folder)).length;
}
process.stdout.write(`dist/: ${copied} asset files copied${removed ? `, ${removed} stale files removed` : ""}\n`);
