#!/usr/bin/env node
// The `corpus` command. Exit codes: 0 success, 1 usage or config error, 2 when a source was rejected.
// Each subcommand lives in pipeline/commands/ and registers itself here.
import { Command, CommanderError } from "commander";
import * as alignCommand from "./commands/align.js";
import * as buildCommand from "./commands/build.js";
import * as checkCommand from "./commands/check.js";
import * as indexCommand from "./commands/index.js";
import * as mergeCommand from "./commands/merge.js";
import * as searchCommand from "./commands/search.js";
import * as showCommand from "./commands/show.js";
import * as splitCommand from "./commands/split.js";
import { EXIT_USAGE } from "./commands/common.js";
import { ConfigError } from "./config.js";
import { SourcesError } from "./ingest/discover.js";
import { toolVersion } from "./version.js";

const commands: ReadonlyArray<{ register(cli: Command): void }> = [alignCommand, buildCommand, checkCommand, indexCommand, mergeCommand, searchCommand, showCommand, splitCommand];

export function program(): Command {
  const cli = new Command("corpus")
    .description("Turn raw, OCR-noisy multilingual scholarly text into clean, structured, aligned corpora")
    .version(toolVersion)
    .exitOverride()
    .showHelpAfterError();
  for (const command of commands) command.register(cli);
  return cli;
}

async function main(): Promise<void> {
  try {
    await program().parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
    } else if (err instanceof ConfigError || err instanceof SourcesError) {
      process.stderr.write(`corpus: ${(err as Error).message}\n`);
      process.exitCode = EXIT_USAGE;
    } else throw err;
  }
}

await main();
