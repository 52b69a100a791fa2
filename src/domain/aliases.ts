// Closed vocabularies typed in chat: many spellings (Chinese, English, abbreviations, full-width forms) map onto
// one code. Display labels live in templates/strings, not here.

/** Folds case, width, spaces and joiners so that aliases compare loosely: "B 站", "b站" and "Ｂ站" are one key. */
export function aliasKey(input: string): string {
  return input.normalize("NFKC").toLowerCase().replace(/[\s_\-.·]+/gu, "");
}

/** A parser from any alias (the code itself included) to its code; undefined when unknown. */
export function aliasParser<C extends string>(aliases: Record<C, readonly string[]>): (input: string) => C | undefined {
  const lookup = new Map<string, C>();
  for (const code of Object.keys(aliases) as C[]) {
    for (const alias of [code, ...aliases[code]]) lookup.set(aliasKey(alias), code);
  }
  return (input) => lookup.get(aliasKey(input));
}
