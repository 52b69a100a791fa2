// Runs code that should refuse, and hands back the AppError so a test can look at its code and params.
import { AppError } from "../../src/domain/errors.js";

/** Runs `fn` and returns the AppError it throws; fails when it throws something else or nothing. */
export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

/**
 * The refusal's code and params when `fn` throws an AppError, undefined when it accepts; anything else thrown is
 * a failure of the test. For tables of inputs where some are refused and some accepted.
 */
export function refusalOf(fn: () => unknown): readonly [string, unknown] | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return [e.code, e.params] as const;
    throw e;
  }
  return undefined;
}
