// Refusals the domain and use cases can give. Each code has a zh-CN and an en message in
// templates/strings; the edge (console, Slack, Feishu, WeCom) shows that message to the person who acted.

import type { Localized } from "./locale.js";

/** Parameters interpolated into the user-facing message for an error code. */
export type ErrorParams = Record<string, string | number>;

/**
 * A refusal with a code the user can be told about in their language. Thrown by the domain and the use
 * cases; never for programming errors (those stay plain Errors and get a correlation id at the edge).
 */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    public readonly params: ErrorParams = {},
    /** Parameters already worded in both languages (a playbook's role names): each reader gets theirs. */
    public readonly localized: Record<string, Localized> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "AppError";
  }
}

/** True when `e` is a refusal meant for the user rather than a bug. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
