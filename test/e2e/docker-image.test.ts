// The container image and the compose deployment (README "Deploy"). The files are checked statically on every
// run; where a Docker engine answers, the image is also built and run: healthy on /healthz, not root, the fonts
// present, stopped gracefully by `docker stop`. Where none answers, the test prints so in plain words.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { all, envOf, readDockerfile } from "../support/dockerfile.js";
import { until } from "../support/wait.js";

const ROOT = join(import.meta.dirname, "../..");
const run = promisify(execFile);
const stages = readDockerfile(join(ROOT, "Dockerfile"));
const runtime = stages.at(-1)!;
const build = stages[0]!;
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string>; engines: { node: string } };
const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));

/** Whether .dockerignore keeps `path` (relative to the repository) out of the build context. */
function isIgnored(path: string): boolean {
  return ignored.some((pattern) => {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}(/|$)`);
    return re.test(path);
  });
}

/** Sources of the COPY instructions that read the build context (not --from another stage). */
function contextSources(): string[] {
  return stages.flatMap((s) => all(s, "COPY").filter((a) => !a.includes("--from=")).flatMap((a) => a.split(" ").filter((w) => !w.startsWith("--")).slice(0, -1)));
}

describe("the Dockerfile", () => {
  it("runs the compiled service under node on a slim Node image, as an unprivileged user, data in a volume", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const [, major] = /^node:(\d+)[\w.-]*-slim$/.exec(runtime.from) ?? [];
    expect(runtime.from, "the runtime stage's base image").toMatch(/^node:\d+[\w.-]*-slim$/);
    expect(Number(major) === 20 || Number(major) >= 22, `node ${major} satisfies engines ${pkg.engines.node}`).toBe(true);

    const user = all(runtime, "USER");
    expect(user, "USER in the runtime stage").toHaveLength(1);
    expect(user[0]).not.toMatch(/^(root|0)(:|$)/);
    const order = runtime.instructions.map((i) => i.keyword);
    expect(order.indexOf("USER")).toBeLessThan(order.indexOf("CMD"));

    const env = envOf(runtime);
    const dataDir = /^file:(\/[^/]+)\//.exec(env.get("DATABASE_URL") ?? "")?.[1];
    expect(dataDir, "DATABASE_URL points into a folder").toBeDefined();
    expect(all(runtime, "VOLUME").join(" ")).toContain(`"${dataDir}"`);
    expect(all(runtime, "RUN").join(" "), "the data folder belongs to the user").toContain(`chown ${user[0]}:${user[0]} ${dataDir}`);
    expect(env.get("HOST"), "listens beyond the container's loopback").toBe("0.0.0.0");
    expect(all(runtime, "EXPOSE")).toEqual([env.get("PORT")]);

    // node itself is PID 1 (signals reach it), running what `npm start` runs.
    const cmd = JSON.parse(all(runtime, "CMD")[0]!) as string[];
    expect(cmd).toEqual(["node", "--max-semi-space-size=4", "--v8-pool-size=1", "dist/src/main.js"]); // smaller idle memory (docs/benchmarks.md)
    expect(pkg.scripts.start).toBe(`exec ${cmd.join(" ")}`);
  });

  it("checks its health on /healthz and carries a CJK and an emoji font for chart images", () => {
    const health = all(runtime, "HEALTHCHECK");
    expect(health).toHaveLength(1);
    expect(health[0]).toMatch(/CMD .*\/healthz/);
    expect(health[0]).toContain("process.env.PORT");
    const installs = all(runtime, "RUN").join(" ");
    expect(installs).toMatch(/apt-get install .*\bfonts-(wqy-zenhei|wqy-microhei|noto-cjk)\b/);
    expect(installs).toMatch(/apt-get install .*\bfonts-noto-color-emoji\b/);
  });

  it("builds from files that are in the build context, compiles with npm run build and ships no dev dependencies", () => {
    for (const source of contextSources()) {
      expect(existsSync(join(ROOT, source)), `${source} exists`).toBe(true);
      expect(isIgnored(source), `${source} is not in .dockerignore`).toBe(false);
    }
    // Whatever the build reads is copied in: tsconfig.build.json's folders, the build script's own script.
    const include = (JSON.parse(readFileSync(join(ROOT, "tsconfig.build.json"), "utf8").replace(/^\s*\/\/.*$/gm, "")) as { include: string[] }).include;
    const copied = contextSources();
    for (const dir of include) expect(copied, `tsconfig.build.json includes ${dir}`).toContain(dir);
    for (const script of pkg.scripts.build!.match(/scripts\/[\w./-]+/g) ?? []) expect(copied.some((c) => script.startsWith(c)), `${script} is copied`).toBe(true);
    expect(all(build, "RUN").join(" ; ")).toMatch(/npm ci\b.*npm run build && npm prune --omit=dev/);
    expect(all(runtime, "COPY").map((c) => c.replace(/^--from=\S+ /, ""))).toEqual(expect.arrayContaining(["/app/dist ./dist", "/app/node_modules ./node_modules", "/app/package.json ./"]));
    // Local state never goes into the image.
    for (const local of ["node_modules", "dist", "data", ".env", "data/mediaops.db"]) expect(isIgnored(local), `${local} is ignored`).toBe(true);
  });
});

describe("compose.yaml", () => {
  type Service = { image?: string; build?: string; deploy?: { replicas?: number }; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }> | string[]; healthcheck?: { test: string[] }; volumes?: string[]; ports?: string[] };
  const compose = parse(readFileSync(join(ROOT, "compose.yaml"), "utf8")) as { services: Record<string, Service> };
  const services = compose.services;

  it("runs two replicas of the image on PostgreSQL, started once the database is healthy", () => {
    const [dbName, db] = Object.entries(services).find(([, s]) => s.image?.startsWith("postgres:"))!;
    expect(db.healthcheck?.test.join(" ")).toContain("pg_isready");
    const [appName, app] = Object.entries(services).find(([, s]) => s.build === ".")!;
    expect(app.deploy?.replicas).toBe(2);
    const env = app.environment!;
    expect(env["DATABASE_URL"]).toMatch(new RegExp(`^postgresql://\\w+:\\$\\{POSTGRES_PASSWORD\\}@${dbName}:5432/\\w+$`));
    expect(env["HOST"]).toBe("0.0.0.0");
    expect(env["MEDIAOPS_CONSOLE_TOKEN"], "required, never defaulted").toMatch(/^\$\{MEDIAOPS_CONSOLE_TOKEN:\?/);
    expect((app.depends_on as Record<string, { condition: string }>)[dbName]).toEqual({ condition: "service_healthy" });
    expect(db.volumes?.some((v) => v.endsWith(":/var/lib/postgresql/data"))).toBe(true);

    // The load balancer sends every request to one of the replicas, on the port they listen on.
    const lb = Object.values(services).find((s) => s.volumes?.some((v) => v.includes("nginx.conf")))!;
    const conf = lb.volumes!.find((v) => v.includes("nginx.conf"))!.split(":")[0]!;
    const nginx = readFileSync(join(ROOT, conf), "utf8");
    expect(nginx).toMatch(new RegExp(`server ${appName}:${env["PORT"]} resolve;`));
    expect(nginx).toMatch(/proxy_pass http:\/\/mediaops;/);
    expect(lb.ports).toHaveLength(1);
  });
});

describe("the image on a Docker engine", () => {
  it("is built and run where an engine answers; otherwise says plainly that it was not", async () => {
    const engine = await run("docker", ["info", "--format", "{{.ServerVersion}}"]).then(
      (r) => ({ ok: true as const, version: r.stdout.trim() }),
      (err: { code?: string; stderr?: string; message: string }) => ({ ok: false as const, why: err.code === "ENOENT" ? "no docker command on this machine" : (err.stderr || err.message).trim() }),
    );
    if (!engine.ok) {
      console.log(`[docker] NOT BUILT: no Docker engine answers here (${engine.why}). Only the static checks of Dockerfile, compose.yaml and deploy/nginx.conf ran.`);
      // Only "there is no engine" may lead here; any other failure of the docker command is a real failure.
      expect(engine.why).toMatch(/no docker command|Cannot connect to the Docker daemon|Is the docker daemon running|error during connect/);
      return;
    }
    const tag = `mediaops-test:${process.pid}`;
    const name = `mediaops-test-${process.pid}`;
    try {
      await run("docker", ["build", "-t", tag, ROOT], { maxBuffer: 64 * 1024 * 1024 });
      await run("docker", ["run", "-d", "--name", name, "-e", "MEDIAOPS_CONSOLE_TOKEN=docker-test-token-0123456789", tag]);
      // Docker's own health check decides; polled once a second until it is no longer "starting".
      const health = await until(
        "the container's health check",
        async () => {
          const state = (await run("docker", ["inspect", "--format", "{{.State.Health.Status}}", name])).stdout.trim();
          return state === "starting" ? undefined : state;
        },
        { every: 1000, limitMs: 300_000 },
      );
      expect(health).toBe("healthy");
      expect((await run("docker", ["exec", name, "id", "-u"])).stdout.trim()).not.toBe("0");
      const fonts = (await run("docker", ["exec", name, "fc-list"])).stdout;
      expect(fonts).toMatch(/WenQuanYi|Noto Sans CJK/);
      expect(fonts).toMatch(/Noto Color Emoji/);
      await run("docker", ["stop", "--time", "30", name]);
      expect((await run("docker", ["inspect", "--format", "{{.State.ExitCode}}", name])).stdout.trim()).toBe("0");
      expect((await run("docker", ["logs", name])).stdout).toContain('"msg":"stopped"');
    } finally {
      await run("docker", ["rm", "-f", name]).catch(() => undefined);
      await run("docker", ["rmi", "-f", tag]).catch(() => undefined);
    }
  }, 1_200_000);
});
