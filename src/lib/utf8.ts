// Strict UTF-8: bytes that are not UTF-8 are refused, never turned into U+FFFD and stored.

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as text, or undefined when they are not valid UTF-8. */
export function utf8Text(raw: Uint8Array): string | undefined {
  try {
    return utf8.decode(raw);
  } catch {
    return undefined;
  }
}
