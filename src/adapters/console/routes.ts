// HTTP routes of the local console: the chat page and its small JSON API.
import { readFileSync } from "node:fs";
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app/deps.js";
import {
  ZPostAction,
  ZPostMessage,
  ZUpload,
  clickConsoleAction,
  consoleTeamZone,
  listConsoleChannels,
  listConsoleUsers,
  localeFromHeader,
  malformed,
  postConsoleMessage,
  readConsoleMessages,
  uploadConsoleFile,
  type ConsoleResult,
} from "../../app/console/console-api.js";
import { consoleChart } from "../../app/console/console-chart.js";
import type { Locale } from "../../domain/locale.js";
import { drawChartPng } from "../charts/draw-chart.js";
import { PngCache } from "../charts/png-cache.js";
import { describeRequestIssue, notJson, notUtf8 } from "../../../templates/strings/request-problems.js";
import { utf8Text } from "../../lib/utf8.js";

const PAGE_DIR = new URL("./page/", import.meta.url);
const ASSETS: Record<string, string> = { "console.js": "text/javascript; charset=utf-8", "console.css": "text/css; charset=utf-8" };

/** Options for the console routes. */
export interface ConsoleRouteOptions {
  deps: AppDeps;
  defaultLocale: Locale;
  /** When set, every API call must carry it (header x-mediaops-console-token). */
  token?: string;
}

/** Pictures already drawn, by message, chart and version: a page re-reads its stream every few seconds. */
const pngCache = new PngCache(64);

function send(reply: FastifyReply, r: ConsoleResult) {
  return r.status === 200 ? reply.code(200).send({ messages: r.messages }) : reply.code(r.status).send({ error: r.error });
}

function tokenOk(given: unknown, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Registers /console and /console/api/* on `app`. */
export function registerConsoleRoutes(app: FastifyInstance, opts: ConsoleRouteOptions): void {
  const { deps } = opts;
  const localeOf = (req: FastifyRequest) => localeFromHeader(req.headers["accept-language"], opts.defaultLocale);
  const page = readFileSync(new URL("index.html", PAGE_DIR), "utf8");

  // The address people type first opens the console (keeping ?token=... if they pasted one).
  app.get("/", (req, reply) => reply.redirect(`/console${req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : ""}`));
  app.get("/console", (_req, reply) => reply.type("text/html; charset=utf-8").send(page));
  app.get<{ Params: { file: string } }>("/console/assets/:file", (req, reply) => {
    const type = ASSETS[req.params.file];
    if (!type) return reply.code(404).send({ error: "not found" });
    return reply.type(type).send(readFileSync(new URL(req.params.file, PAGE_DIR), "utf8"));
  });

  app.register(async (api) => {
    // JSON bodies decoded strictly: bytes that are not UTF-8 are refused (400, in the sender's language), never
    // stored as U+FFFD. The size limit is the server's (256 KB), checked before reading.
    api.removeContentTypeParser("application/json");
    api.addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body, done) => {
      const refuse = (message: string) => done(Object.assign(new Error(message), { statusCode: 400 }), undefined);
      const text = utf8Text(body as Buffer);
      if (text === undefined) return refuse(notUtf8(localeOf(req)));
      try {
        done(null, JSON.parse(text));
      } catch {
        refuse(notJson(localeOf(req)));
      }
    });
    if (opts.token) {
      const token = opts.token;
      api.addHook("onRequest", async (req, reply) => {
        if (!tokenOk(req.headers["x-mediaops-console-token"], token)) {
          await reply.code(401).send({ error: localeOf(req) === "en" ? "A console token is required." : "需要控制台令牌。" });
        }
      });
    }
    api.get("/console/api/users", async () => ({ users: await listConsoleUsers(deps) }));
    api.get("/console/api/channels", async () => ({ channels: await listConsoleChannels(deps) }));
    api.get("/console/api/team", async () => consoleTeamZone(deps));
    // The page polls this every 2 seconds: logged only when something goes wrong, or it would bury the log.
    api.get<{ Querystring: { channel?: string; user?: string } }>("/console/api/messages", { logLevel: "warn" }, async (req, reply) => {
      const locale = localeOf(req);
      if (!req.query.channel) return send(reply, malformed(locale, locale === "en" ? "channel is required" : "缺少 channel 参数"));
      return send(reply, await readConsoleMessages(deps, req.query.channel, req.query.user, locale));
    });
    api.post("/console/api/messages", async (req, reply) => {
      const locale = localeOf(req);
      const body = ZPostMessage.safeParse(req.body);
      if (!body.success) return send(reply, malformed(locale, describeRequestIssue(body.error.issues[0], locale)));
      return send(reply, await postConsoleMessage(deps, body.data, locale));
    });
    api.post("/console/api/upload", async (req, reply) => {
      const locale = localeOf(req);
      const body = ZUpload.safeParse(req.body);
      if (!body.success) return send(reply, malformed(locale, describeRequestIssue(body.error.issues[0], locale)));
      return send(reply, await uploadConsoleFile(deps, body.data, locale));
    });
    // A card's chart as a PNG (the page fetches it with the token header and shows it in the card).
    api.get<{ Params: { id: string; index: string }; Querystring: { user?: string } }>("/console/api/messages/:id/charts/:index", { logLevel: "warn" }, async (req, reply) => {
      const found = await consoleChart(deps, Number(req.params.id), Number(req.params.index), req.query.user);
      if (!found) return reply.code(404).send({ error: localeOf(req) === "en" ? "No such chart." : "没有这张图表。" });
      return reply.type("image/png").header("cache-control", "private, max-age=300").send(await pngCache.get(found.version, () => drawChartPng(found.chart)));
    });
    api.post("/console/api/actions", async (req, reply) => {
      const locale = localeOf(req);
      const body = ZPostAction.safeParse(req.body);
      if (!body.success) return send(reply, malformed(locale, describeRequestIssue(body.error.issues[0], locale)));
      return send(reply, await clickConsoleAction(deps, body.data, locale));
    });
  });
}
