#!/usr/bin/env node
// The `corpus` command. Exit codes: 0 success, 1 usage or config error, 2 when a source was rejected.
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { Listr, PRESET_TIMER } from "listr2";
import { join } from "node:path";
import { ConfigError, defaultConfigPath, loadConfig, projectRoot } from "./config.js";
import { build, type BuildEvent } from "./run/build.js";
import type { SourceStatus } from "./model/schema.js";
import { toolVersion } from "./version.js";

const EXIT_USAGE = 1;
const EXIT_REJECTED = 2;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number ≥ 1");
  return n;
}

interface BuildFlags {
  sources: string[];
  out: string;
  config: string;
  concurrency?: number;
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const config = loadConfig(flags.config);
  const base = { sources: flags.sources, out: flags.out, config, ...(flags.concurrency ? { concurrency: flags.concurrency } : {}) };
  const report = process.stderr.isTTY ? await buildWithProgress(base) : await build({ ...base, onEvent: logLine });
  const { totals, timings } = report.manifest;
  const mb = totals.bytes / 1e6;
  process.stderr.write(
    `${totals.built}/${totals.sources} sources built, ${totals.passages} passages, ${mb.toFixed(2)} MB in ${(timings.totalMs / 1000).toFixed(2)} s → ${flags.out}\n`,
  );
  for (const s of report.failed) process.stderr.write(`${s.status}: ${s.path}: ${s.reason}\n`);
  return report.failed.length > 0 ? EXIT_REJECTED : 0;
}

function logLine(event: BuildEvent): void {
  if (event.type === "discovered") process.stderr.write(`found ${event.total} sources\n`);
  else process.stderr.write(`[${event.done}/${event.total}] ${describe(event.status)}\n`);
}

function describe(s: SourceStatus): string {
  return s.status === "ok" ? `built ${s.path} (${s.encoding}, ${s.passages} passages)` : `${s.status} ${s.path}: ${s.reason}`;
}

async function buildWithProgress(opts: Parameters<typeof build>[0]): Promise<Awaited<ReturnType<typeof build>>> {
  let report: Awaited<ReturnType<typeof build>> | undefined;
  await new Listr(
    [
      {
        title: `Building ${opts.sources.join(", ")}`,
        task: async (_ctx, task) => {
          report = await build({
            ...opts,
            onEvent: (e) => {
              task.output = e.type === "discovered" ? `${e.total} sources` : `${e.done}/${e.total} · ${describe(e.status)}`;
            },
          });
        },
        rendererOptions: { outputBar: 1 },
      },
    ],
    { rendererOptions: { timer: PRESET_TIMER } },
  ).run();
  return report!;
}

export function program(): Command {
  const cli = new Command("corpus")
    .description("Turn raw, OCR-noisy multilingual scholarly text into clean, structured, aligned corpora")
    .version(toolVersion)
    .exitOverride()
    .showHelpAfterError();
  cli
    .command("build", { isDefault: true })
    .description("build sources into documents, passages.jsonl, schemas and a manifest")
    .option("-s, --sources <path...>", "source directories or files", [join(projectRoot, "sources")])
    .option("-o, --out <dir>", "output directory", join(projectRoot, "output"))
    .option("-c, --config <file>", "pipeline settings (JSON)", defaultConfigPath)
    .option("-j, --concurrency <n>", "documents processed at once (default: CPU cores)", positiveInt)
    .action(async (flags: BuildFlags) => {
      process.exitCode = await runBuild(flags);
    });
  return cli;
}

async function main(): Promise<void> {
  try {
    await program().parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
    } else if (err instanceof ConfigError || (err as Error).message?.startsWith("sources:")) {
      process.stderr.write(`corpus: ${(err as Error).message}\n`);
      process.exitCode = EXIT_USAGE;
    } else throw err;
  }
}

await main();
