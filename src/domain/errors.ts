// Refusals the domain and use cases can give. Each code has a zh-CN and an en message in
// templates/strings; the edge (console, Slack, Feishu, WeCom) shows that message to the person who acted.

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
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "AppError";
  }
}

/** True when `e` is a refusal meant for the user rather than a bug. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
