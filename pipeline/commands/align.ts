// `corpus align`: align pre-split text, one sentence per line. Two files give one alignment; two
// directories align their same-named files (aligned together, so the second pass learns from all).
// Output: one bead per line, "[i, j]:[k]" (0-based, "[]" for an empty side), to a file, a directory
// (one <name>.align per pair) or stdout.
import { InvalidArgumentError, type Command } from "commander";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { alignBitexts } from "../align/aligner.js";
import type { Bead } from "../align/dp.js";
import { Lang } from "../model/schema.js";
import { EXIT_USAGE } from "./common.js";

interface AlignFlags {
  srcLang: string;
  tgtLang: string;
  src: string;
  tgt: string;
  out?: string;
}

function lang(value: string): string {
  if (!Lang.safeParse(value).success) throw new InvalidArgumentError("must be a language tag such as zh, en, ru");
  return value;
}

export function readSentences(file: string): string[] {
  const lines = readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function formatBeads(beads: readonly Bead[]): string {
  return beads.map((b) => `[${b.src.join(", ")}]:[${b.tgt.join(", ")}]\n`).join("");
}

function isDir(path: string): boolean {
  return statSync(path).isDirectory();
}

function runAlign(flags: AlignFlags): number {
  const fail = (message: string): number => {
    process.stderr.write(`corpus align: ${message}\n`);
    return EXIT_USAGE;
  };
  for (const path of [flags.src, flags.tgt]) {
    try {
      statSync(path);
    } catch {
      return fail(`no such file or directory: ${path}`);
    }
  }
  if (isDir(flags.src) !== isDir(flags.tgt)) return fail("--src and --tgt must both be files or both be directories");
  if (!isDir(flags.src)) {
    const [beads] = alignBitexts([{ src: readSentences(flags.src), tgt: readSentences(flags.tgt) }], flags.srcLang, flags.tgtLang);
    const text = formatBeads(beads!);
    if (flags.out) writeFileSync(flags.out, text);
    else process.stdout.write(text);
    return 0;
  }
  if (!flags.out) return fail("--out DIR is required when aligning directories");
  const files = (dir: string): string[] => readdirSync(dir).filter((f) => !f.startsWith(".") && statSync(join(dir, f)).isFile());
  const tgtFiles = new Set(files(flags.tgt));
  const names = files(flags.src).filter((f) => tgtFiles.has(f)).sort();
  if (names.length === 0) return fail(`no same-named files in ${flags.src} and ${flags.tgt}`);
  for (const f of files(flags.src)) if (!tgtFiles.has(f)) process.stderr.write(`corpus align: no target for ${f}, skipped\n`);
  const bitexts = names.map((f) => ({ src: readSentences(join(flags.src, f)), tgt: readSentences(join(flags.tgt, f)) }));
  const aligned = alignBitexts(bitexts, flags.srcLang, flags.tgtLang);
  mkdirSync(flags.out, { recursive: true });
  names.forEach((f, k) => writeFileSync(join(flags.out!, `${basename(f, extname(f))}.align`), formatBeads(aligned[k]!)));
  process.stderr.write(`aligned ${names.length} file pairs → ${flags.out}\n`);
  return 0;
}

export function register(cli: Command): void {
  cli
    .command("align")
    .description("align sentences of pre-split parallel text (one sentence per line)")
    .requiredOption("--src-lang <lang>", "source language (zh, en, ru …)", lang)
    .requiredOption("--tgt-lang <lang>", "target language", lang)
    .requiredOption("--src <path>", "source file, or directory of files")
    .requiredOption("--tgt <path>", "target file, or directory of same-named files")
    .option("--out <path>", "output file, or directory for <name>.align files (default: stdout for files)")
    .action((flags: AlignFlags) => {
      process.exitCode = runAlign(flags);
    });
}
