import type { KubectlResult } from '../../../../test/support/api-harness';

/** An AGE cell as kubectl prints it for objects created during a test run (`0s`, `42s`, `2m5s`). */
export const AGE = /^(\d+s|\d+m(\d+s)?)$/;

export const age = (): unknown => expect.stringMatching(AGE);

/** Splits kubectl's column output (cells separated by at least two spaces) into rows of cells. */
export function parseTable(stdout: string): string[][] {
  return stdout
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => line.trim().split(/\s{2,}/));
}

/** Asserts a successful run with nothing on stderr, and returns stdout. */
export function ok(result: KubectlResult): string {
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  return result.stdout;
}

/** Asserts a failed run (exit code 1) with exactly `stderr` (trailing newline ignored) and nothing on stdout. */
export function fails(result: KubectlResult, stderr: string | RegExp): void {
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: '' });
  if (typeof stderr === 'string') expect(result.stderr.trimEnd()).toBe(stderr);
  else expect(result.stderr.trimEnd()).toMatch(stderr);
}
