// Raw request bytes → the JSON object Slack meant. Slash commands arrive as a form, interactivity as a form
// with one `payload` field holding JSON, Events API calls as JSON (docs.slack.dev; Bolt HTTPModuleFunctions).
// Pure, so the route can refuse a malformed body with 400 before anything runs.

/** A decoded body, or why it could not be decoded. */
export type DecodedBody = { ok: true; body: Record<string, unknown> } | { ok: false; problem: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseJsonObject(text: string, what: string): DecodedBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: `${what} is not valid JSON` };
  }
  return isObject(value) ? { ok: true, body: value } : { ok: false, problem: `${what} is not a JSON object` };
}

/** Decodes a Slack request body by its content type. */
export function decodeSlackBody(raw: Buffer, contentType: string | undefined): DecodedBody {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return { ok: false, problem: "body is not valid UTF-8" };
  }
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") return parseJsonObject(text, "body");
  if (type === "application/x-www-form-urlencoded") {
    const form = new URLSearchParams(text);
    const payload = form.get("payload");
    if (payload !== null) return parseJsonObject(payload, "payload");
    return { ok: true, body: Object.fromEntries(form) };
  }
  return { ok: false, problem: `unsupported content type "${type || "none"}"` };
}

/** True for Slack's SSL certificate check (`ssl_check=1` form post), which only needs an empty 200. */
export function isSslCheck(body: Record<string, unknown>): boolean {
  return body["ssl_check"] === "1";
}
