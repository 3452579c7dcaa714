// Benchmark: sentence alignment on MAC (Chinese–English literary texts, manual gold), read from
// ../shared/benchmarks/alignment/ when present — the texts are copyrighted and never enter the repo.
// Scores come from the benchmark's own scorer (align_eval.py, strict and lax P/R/F1).
//
//   node dist/bench/align-mac.js [dev|test] [--cli] [--ablate] [--set name=value …]
//
// --cli      time the real command (`corpus align` on the split's directories), as users run it
// --ablate   also score the aligner without each piece of evidence in turn
// --set      override a weight of config/align/aligner.json (priors as priors.1-2=-1.5)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { alignFeatured, type FeaturedBitext } from "../pipeline/align/aligner.js";
import { features, type Features } from "../pipeline/align/features.js";
import { lengthModel } from "../pipeline/align/length.js";
import { defaultParams, Params } from "../pipeline/align/score.js";
import { formatBeads, readSentences } from "../pipeline/commands/align.js";
import { projectRoot } from "../pipeline/config.js";

export const macDir = join(projectRoot, "..", "shared", "benchmarks", "alignment");

export interface Split {
  name: string;
  dir: string;
  files: string[];
  texts: { src: string[]; tgt: string[] }[];
}

export function loadSplit(name: string): Split {
  const dir = join(macDir, "mac", name);
  const files = readdirSync(join(dir, "zh")).filter((f) => f.endsWith(".txt")).sort();
  const texts = files.map((f) => ({ src: readSentences(join(dir, "zh", f)), tgt: readSentences(join(dir, "en", f)) }));
  return { name, dir, files, texts };
}

export function featurize(split: Split): FeaturedBitext[] {
  return split.texts.map((t) => ({ src: t.src.map((s) => features(s, "zh", "en")), tgt: t.tgt.map((s) => features(s, "en", "zh")) }));
}

export interface Scores {
  strict: { precision: number; recall: number; f1: number };
  lax: { precision: number; recall: number; f1: number };
}

/** Align featured texts with `params`, score with align_eval.py. */
export function evaluate(split: Split, featured: FeaturedBitext[], params: Params, learn = true): Scores & { seconds: number } {
  const t0 = performance.now();
  const aligned = alignFeatured(featured, lengthModel("zh", "en"), { params, learn });
  const seconds = (performance.now() - t0) / 1000;
  const out = mkdtempSync(join(tmpdir(), "align-mac-"));
  split.files.forEach((f, k) => writeFileSync(join(out, f.replace(/\.txt$/, ".align")), formatBeads(aligned[k]!)));
  return { ...score(join(split.dir, "gold"), out), seconds };
}

export function score(gold: string, pred: string): Scores {
  const r = spawnSync("python3", [join(macDir, "align_eval.py"), "--json", gold, pred], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`align_eval.py failed: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as { overall?: Scores } & Scores;
  return json.overall ?? json;
}

/** Params with `name=value` overrides applied. */
export function withOverrides(base: Params, sets: readonly string[]): Params {
  const p = structuredClone(base) as Record<string, unknown> & Params;
  for (const s of sets) {
    const [name, value] = s.split("=") as [string, string];
    if (name.startsWith("priors.")) p.priors[name.slice(7)] = Number(value);
    else p[name] = Number(value);
  }
  return Params.parse(p);
}

/** The texts with the keys of one kind of evidence removed from the source side (for ablation). */
function without(featured: FeaturedBitext[], drop: (key: string) => boolean): FeaturedBitext[] {
  const strip = (f: Features): Features => ({ ...f, tokens: f.tokens.map((t) => ({ ...t, keys: t.keys.filter((k) => !drop(k)) })) });
  return featured.map((b) => ({ src: b.src.map(strip), tgt: b.tgt }));
}

const isDictionaryKey = (k: string): boolean => !/^(#|lat:|py:|tr:)/.test(k);

function line(label: string, s: Scores & { seconds?: number }): string {
  const f = (x: number): string => x.toFixed(3);
  const time = s.seconds === undefined ? "" : `  ${s.seconds.toFixed(2)} s`;
  return `${label.padEnd(34)} strict P ${f(s.strict.precision)} R ${f(s.strict.recall)} F1 ${f(s.strict.f1)}   lax P ${f(s.lax.precision)} R ${f(s.lax.recall)} F1 ${f(s.lax.f1)}${time}`;
}

function runCli(split: Split): void {
  const out = mkdtempSync(join(tmpdir(), "align-mac-cli-"));
  mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(projectRoot, "dist", "pipeline", "cli.js"), "align", "--src-lang", "zh", "--tgt-lang", "en", "--src", join(split.dir, "zh"), "--tgt", join(split.dir, "en"), "--out", out],
    { encoding: "utf8" },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`corpus align failed: ${r.stderr}`);
  console.log(line(`corpus align (CLI, wall clock)`, { ...score(join(split.dir, "gold"), out), seconds }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(macDir, "mac"))) {
    console.log(`MAC not found at ${macDir}: nothing to benchmark`);
    process.exit(0);
  }
  const args = process.argv.slice(2);
  const name = args.find((a) => a === "dev" || a === "test") ?? "dev";
  const sets = args.flatMap((a, k) => (args[k - 1] === "--set" ? [a] : []));
  const params = withOverrides(defaultParams(), sets);
  const split = loadSplit(name);
  if (args.includes("--cli")) runCli(split);
  const t0 = performance.now();
  const featured = featurize(split);
  console.log(`MAC-${name}: ${split.files.length} texts, features in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  console.log(line("full aligner", evaluate(split, featured, params)));
  if (args.includes("--ablate")) {
    const zero = (k: keyof Params): Params => ({ ...params, [k]: 0 });
    console.log(line("  without second pass", evaluate(split, featured, params, false)));
    console.log(line("  without length", evaluate(split, featured, zero("length"))));
    console.log(line("  without lexical evidence", evaluate(split, featured, zero("lexical"))));
    console.log(line("  without punctuation", evaluate(split, featured, zero("punct"))));
    console.log(line("  without CC-CEDICT", evaluate(split, without(featured, isDictionaryKey), params)));
    console.log(line("  without numbers", evaluate(split, without(featured, (k) => k.startsWith("#")), params)));
    console.log(line("  without pinyin names", evaluate(split, without(featured, (k) => k.startsWith("py:")), params)));
    console.log(line("  without Latin tokens", evaluate(split, without(featured, (k) => k.startsWith("lat:")), params)));
  }
}
