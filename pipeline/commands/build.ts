// `corpus build`: sources → documents, passages.jsonl, schemas and manifest.
import type { Command } from "commander";
import { Listr, PRESET_TIMER } from "listr2";
import { join } from "node:path";
import { defaultConfigPath, loadConfig, projectRoot } from "../config.js";
import type { Shard, SourceStatus } from "../model/schema.js";
import { build, type BuildEvent } from "../run/build.js";
import { EXIT_REJECTED, parseShard, positiveInt } from "./common.js";

interface BuildFlags {
  sources: string[];
  out: string;
  config: string;
  concurrency?: number;
  shard?: Shard;
  force?: boolean;
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const config = loadConfig(flags.config);
  const base = {
    sources: flags.sources,
    out: flags.out,
    config,
    force: flags.force ?? false,
    ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
    ...(flags.shard ? { shard: flags.shard } : {}),
  };
  const report = process.stderr.isTTY ? await buildWithProgress(base) : await build({ ...base, onEvent: logLine });
  const { totals, run } = report.manifest;
  const mb = totals.bytes / 1e6;
  process.stderr.write(
    `${totals.built}/${totals.sources} sources built, ${totals.passages} passages, ${mb.toFixed(2)} MB in ${(run.totalMs / 1000).toFixed(2)} s (${run.reused} reused) → ${flags.out}\n`,
  );
  for (const s of report.failed) process.stderr.write(`${s.status}: ${s.path}: ${s.reason}\n`);
  return report.failed.length > 0 ? EXIT_REJECTED : 0;
}

function logLine(event: BuildEvent): void {
  if (event.type === "discovered") process.stderr.write(`found ${event.total} sources\n`);
  else process.stderr.write(`[${event.done}/${event.total}] ${describe(event.status, event.reused)}\n`);
}

function describe(s: SourceStatus, reused: boolean): string {
  return s.status === "ok" ? `${reused ? "kept" : "built"} ${s.path} (${s.encoding}, ${s.passages} passages)` : `${s.status} ${s.path}: ${s.reason}`;
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
              task.output = e.type === "discovered" ? `${e.total} sources` : `${e.done}/${e.total} · ${describe(e.status, e.reused)}`;
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

export function register(cli: Command): void {
  cli
    .command("build", { isDefault: true })
    .description("build sources into documents, passages.jsonl, schemas and a manifest")
    .option("-s, --sources <path...>", "source directories or files", [join(projectRoot, "sources")])
    .option("-o, --out <dir>", "output directory", join(projectRoot, "output"))
    .option("-c, --config <file>", "pipeline settings (JSON)", defaultConfigPath)
    .option("-j, --concurrency <n>", "documents processed at once (default: CPU cores)", positiveInt)
    .option("--shard <i/N>", "process only shard i of N (documents split by a hash of their id)", parseShard)
    .option("-f, --force", "reprocess every source, even those unchanged since the last build")
    .action(async (flags: BuildFlags) => {
      process.exitCode = await runBuild(flags);
    });
}
