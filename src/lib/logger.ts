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

/** A logger at `level`; `destination` lets tests capture lines. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Log {
  return pino({ level, base: { service: "mediaops" }, redact: { paths: REDACT, censor: "[redacted]" } }, destination as never);
}
