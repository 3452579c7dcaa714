// What the commands share: exit codes and option parsers.
import { InvalidArgumentError } from "commander";

export const EXIT_USAGE = 1;
export const EXIT_REJECTED = 2;

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number ≥ 1");
  return n;
}

export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) throw new InvalidArgumentError("must be i/N with 0 ≤ i < N, e.g. 0/4");
  return { index, count };
}
