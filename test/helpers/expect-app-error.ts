import { expect } from 'vitest';
import { AppError, type AppErrorCode } from '../../src/shared/app-error.ts';

/** Awaits `work`, expecting an AppError with `code` whose message matches `message`. */
export async function expectAppError(
  work: Promise<unknown>,
  code: AppErrorCode,
  message?: RegExp,
): Promise<AppError> {
  let caught: unknown;
  try {
    await work;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected AppError ${code}`).toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect(`${error.code}: ${error.userMessage}`).toMatch(new RegExp(`^${code}: `));
  if (message) expect(error.userMessage).toMatch(message);
  return error;
}
