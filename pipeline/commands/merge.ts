// `corpus merge`: combine the outputs of `corpus build --shard i/N` runs into one output.
import type { Command } from "commander";
import { join } from "node:path";
import { defaultConfigPath, loadConfig, projectRoot } from "../config.js";
import { mergeShards } from "../run/merge.js";
import { EXIT_REJECTED } from "./common.js";

export function register(cli: Command): void {
  cli
    .command("merge")
    .description("merge shard outputs (build --shard i/N, all N of them) into one output, as a single build writes it")
    .argument("<shard-dirs...>", "output directories of the shard builds")
    .option("-o, --out <dir>", "output directory", join(projectRoot, "output"))
    .option("-c, --config <file>", "pipeline settings (JSON) the shards were built with", defaultConfigPath)
    .action(async (dirs: string[], flags: { out: string; config: string }) => {
      const manifest = await mergeShards(dirs, flags.out, loadConfig(flags.config));
      const { totals } = manifest;
      process.stderr.write(`merged ${dirs.length} shards: ${totals.built}/${totals.sources} sources, ${totals.passages} passages → ${flags.out}\n`);
      process.exitCode = totals.rejected > 0 ? EXIT_REJECTED : 0;
    });
}
