// The shape of one command: its words, arguments and help. A spec declares; the use case it
// names lives in src/app and is bound to it there, so commands stay free of I/O.
import type { z } from "zod";
import type { Localized } from "../src/domain/locale.js";

/** A positional argument: one word, or (`rest`) every remaining word joined by spaces. */
export interface Positional {
  name: string;
  rest?: boolean;
}

/** One option (`--name value`) and its help line. */
export interface OptionSpec {
  name: string;
  help: Localized;
}

/** A command as declared in commands/. */
export interface CommandSpec<A extends z.ZodType = z.ZodType> {
  /** Also the id of the use case that runs it, e.g. "topic.propose". */
  id: string;
  /** The words that name it: ["topic", "propose"]. */
  words: readonly string[];
  positionals: readonly Positional[];
  options: readonly OptionSpec[];
  /** Validates { ...positionals, ...options }; messages that are error codes become localized refusals. */
  args: A;
  usage: string;
  summary: Localized;
  help?: Localized;
  /** Commands as typed; a Localized one where the values differ by language (Chinese names in zh-CN). */
  examples: readonly (string | Localized)[];
  /**
   * When set, everything after the first line of the message is passed verbatim as the argument `body`
   * (pasted CSV, a long note), untouched by the word splitter.
   */
  acceptsBody?: boolean;
}

/** Identity function that keeps the args schema's type. */
export function defineCommand<A extends z.ZodType>(spec: CommandSpec<A>): CommandSpec<A> {
  return spec;
}
