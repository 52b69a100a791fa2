// Structured JSON logs (pino, the logger Fastify is built around). Secrets are redacted by path so a
// logged request or config object never carries them.
import { pino, type Logger } from "pino";

/** The service-wide logger type. */
export type Log = Logger;

/** Paths whose values never reach a log line. */
const REDACT = [
  "req.headers.authorization",
  "req.headers.cookie",
  "req.headers['x-mediaops-console-token']",
  "*.token",
  "*.secret",
  "*.password",
  "*.MEDIAOPS_CONSOLE_TOKEN",
];

/** Query-string parameters that carry a secret (the console's `?token=`, signatures, OAuth codes). */
const SECRET_PARAMS = /^(?:token|access_token|refresh_token|secret|password|key|code|sign|signature|msg_signature|echostr)$/i;

/** `url` with the values of secret query parameters replaced, so a request line never carries them. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // an undecodable name is kept as sent
      }
      return eq >= 0 && SECRET_PARAMS.test(decoded.trim()) ? `${name}=[redacted]` : pair;
    })
    .join("&");
  return `${url.slice(0, q)}?${query}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
}

/** Fastify's request line (method, url, host, address), the url's secret query values redacted. */
function requestLine(req: LoggedRequest) {
  return {
    method: req.method,
    url: typeof req.url === "string" ? redactUrl(req.url) : req.url,
    version: req.headers?.["accept-version"],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** A logger at `level`; `destination` lets tests capture lines. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Log {
  return pino({ level, base: { service: "mediaops" }, redact: { paths: REDACT, censor: "[redacted]" }, serializers: { req: requestLine } }, destination as never);
}
