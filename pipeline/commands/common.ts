// What the commands share: exit codes and option parsers.
import { InvalidArgumentError } from "commander";

export const EXIT_USAGE = 1;
export const EXIT_REJECTED = 2;

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number ≥ 1");
  return n;
}
