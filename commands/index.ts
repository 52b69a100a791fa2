// The commands package: the registry and the parser.
export * from "./registry.js";
export { parseCommand, splitCommandWords, subcommandsOf } from "./parse.js";
export type { CommandSpec } from "./spec.js";
