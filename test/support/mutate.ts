// A small deterministic mutator for fuzzing endpoints with broken versions of real payloads.

/** A seeded PRNG (mulberry32), so a failing case can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One broken variant of `body`: truncated, bytes flipped, fields retyped or dropped, junk appended. */
export function mutate(body: string, rnd: () => number): string {
  const pick = Math.floor(rnd() * 7);
  const at = Math.floor(rnd() * Math.max(1, body.length));
  switch (pick) {
    case 0:
      return body.slice(0, at);
    case 1: {
      const chars = [...body];
      for (let i = 0; i < 3; i++) chars[Math.floor(rnd() * chars.length)] = String.fromCharCode(Math.floor(rnd() * 0x3000));
      return chars.join("");
    }
    case 2:
      return body.replace(/"[^"]*"/, () => ["null", "123", "[]", "{}", "true", '"' + "x".repeat(5000) + '"'][Math.floor(rnd() * 6)]!);
    case 3:
      return body.replace(/,?"[^"]+":("[^"]*"|\d+|null|true|false)/, "");
    case 4:
      return body + ["}", "]", ",", "\u0000", "{{{"][Math.floor(rnd() * 5)];
    case 5:
      return JSON.stringify({ wrapper: body });
    default:
      return "";
  }
}
