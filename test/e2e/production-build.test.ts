// `npm start` stopped the way a supervisor stops it: SIGTERM to the process it started, which is npm (a systemd
// unit's main process, a process manager, a container running npm). The service below npm must get the signal,
// finish the requests in flight, stop listening and exit; npm must exit after it, with its code. The quick start
// runs the compiled build (`npm start` builds dist/ first, then runs it under node), so this also checks that
// dist/ finds its runtime files: migrations, seed, playbooks, templates and the console page; and that dist/
// alone, with the production dependencies, is a whole service (what the Docker image ships).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import Database from "better-sqlite3";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { faultTest } from "../support/fault-report.js";
import { commandLine, descendants, isRunning, npmRunBuild, npmStart, startUntilListening } from "../support/npm-start.js";
import { freePort } from "../support/process.js";
import { tempDir } from "../support/service.js";

const ROOT = join(import.meta.dirname, "../..");
const dir = tempDir();
const dbFile = join(dir, "mediaops.db");
/** Every process this test saw under npm, killed at the end if a failure left one running. */
const seen: number[] = [];
afterAll(() => {
  for (const pid of seen) if (isRunning(pid)) process.kill(pid, "SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function topicsTitled(title: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM Topic WHERE title = ?").get(title) as { n: number }).n;
  } finally {
    db.close();
  }
}

async function say(url: string, user: string, text: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/console/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ channel: "topics", user, text }) });
  const body = (await res.json()) as { messages?: { text: string }[]; error?: string };
  return { status: res.status, text: body.messages?.map((m) => m.text).join("\n") ?? body.error ?? "" };
}

describe("npm start", () => {
  // Every proposal answered 200 before the stop is stored once; none answered otherwise is stored; nothing keeps
  // running after npm has exited.
  faultTest("SIGTERM to `npm start` with 10 console commands in flight", async (ledger) => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const started = await npmStart({ PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${dbFile}` });
    seen.push(...descendants(started.child.pid!));
    const service = seen.filter((pid) => /^(\S*\/)?node (--[\w-]+(=\S+)? )*dist\/src\/main\.js$/.test(commandLine(pid)));
    expect(service, seen.map(commandLine).join("\n")).toHaveLength(1);
    expect(seen.map(commandLine).join("\n")).not.toMatch(/tsx/);

    // Served from dist/: the migrations and the seeded demo team, the console page, the playbooks' YAML.
    expect(started.output()).toContain("seeded the demo team");
    expect(await (await fetch(`${url}/console`)).text()).toContain("<html");
    expect(started.output()).toMatch(/"playbooks":\["compliance","content","platform","public-opinion","user-data"\]/);

    // Ten proposals in flight; the supervisor's SIGTERM goes to npm when the first one is answered.
    const titles = Array.from({ length: 10 }, (_, i) => `停止之前提交的选题 ${i + 1}`);
    const answers = titles.map((title) => say(url, "chen.jie", `/topic propose ${title} --platform weibo`).then((r) => r.status, () => "connection lost" as const));
    await Promise.race(answers);
    started.child.kill("SIGTERM");
    const statuses = await Promise.all(answers);
    const exit = await started.exited;

    // The service itself stopped (it got the signal, finished, exited) before npm did.
    expect(service.filter(isRunning).map(commandLine)).toEqual([]);
    expect(await fetch(`${url}/healthz`).then((r) => `answered ${r.status}`, () => "refused")).toBe("refused");
    expect(started.output()).toContain('"signal":"SIGTERM","msg":"stopping: finishing in-flight requests"');
    expect(started.output()).toContain('"msg":"stopped"');
    expect(exit).toEqual({ code: 0, signal: null });

    // An acknowledged proposal is an operation; a stored topic is its effect (a refused one stored counts as duplicated).
    titles.forEach((title, i) => statuses[i] === 200 && ledger.attempt(title));
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    for (const title of titles) ledger.seen(title, topicsTitled(title));
  }, { timeout: 300_000 });
});

/** The packages compiled code imports (bare specifiers, builtins left out), with a file that imports each. */
function importedPackages(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const builtins = new Set(builtinModules);
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = join(entry.parentPath, entry.name);
    // TypeScript's own scanner finds static imports, re-exports and import() calls, nothing in strings.
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
      if (spec.startsWith(".") || spec.startsWith("/")) continue;
      if (spec.startsWith("node:") || builtins.has(spec)) continue;
      const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
      if (!found.has(name)) found.set(name, file);
    }
  }
  return found;
}

describe("dist/ on its own", () => {
  it("imports only production dependencies and serves from a folder holding nothing but dist/, package.json and node_modules", async () => {
    await npmRunBuild();
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const imported = importedPackages(join(ROOT, "dist"));
    expect(imported.size).toBeGreaterThan(5);
    const notProduction = [...imported].filter(([name]) => !(name in pkg.dependencies)).map(([name, file]) => `${name} (${file})`);
    expect(notProduction, "imported by dist/ but not in package.json dependencies (npm prune --omit=dev removes it)").toEqual([]);

    // The image's layout: /app/{dist,package.json,node_modules}; the sources are not there.
    const app = join(dir, "app");
    mkdirSync(app);
    cpSync(join(ROOT, "dist"), join(app, "dist"), { recursive: true });
    cpSync(join(ROOT, "package.json"), join(app, "package.json"));
    symlinkSync(join(ROOT, "node_modules"), join(app, "node_modules"));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const svc = await startUntilListening(process.execPath, ["dist/src/main.js"], { cwd: app, env: { PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "file:./data/mediaops.db" } });
    seen.push(svc.child.pid!);
    try {
      const migrations = readdirSync(join(ROOT, "prisma/migrations"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
      expect(svc.output()).toContain(`"applied":${JSON.stringify(migrations)}`);
      expect(svc.output()).toContain("seeded the demo team");
      expect(svc.output()).toMatch(/"playbooks":\["compliance","content","platform","public-opinion","user-data"\]/);
      expect(await (await fetch(`${url}/console`)).text()).toContain("<html");
      expect((await fetch(`${url}/console/assets/console.js`)).status).toBe(200);
      const proposed = await say(url, "chen.jie", "/topic propose 镜像里的选题 --platform weibo");
      expect(proposed.status).toBe(200);
      expect(proposed.text).toContain("镜像里的选题");
    } finally {
      svc.child.kill("SIGTERM");
    }
    expect(await svc.exited).toEqual({ code: 0, signal: null });
  }, 300_000);
});
