// `corpus show <source>`: the raw and the clean text of one document side by side, block by block,
// with every edit that turned one into the other (rule, before → after), so a user can see why a
// character changed. Text dropped between blocks (page furniture, blank lines) is listed with its rule.
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { clean } from "../clean/index.js";
import { defaultConfigPath, loadConfig } from "../config.js";
import { ingest } from "../ingest/index.js";
import { positiveInt } from "./common.js";

interface ShowFlags {
  config: string;
  block?: number;
  rule?: string;
  dropped?: boolean;
}

/** Line breaks and tabs made visible, so that the raw text shows its layout on one line. */
function visible(text: string): string {
  return text.replace(/\n/g, "⏎").replace(/\t/g, "⇥");
}

export function showDocument(path: string, flags: ShowFlags): string {
  const { config } = loadConfig(flags.config);
  const ingested = ingest(basename(path), basename(path), readFileSync(path), config);
  if (!ingested.ok) throw new Error(`${path}: ${ingested.reason}`);
  const doc = clean(ingested.doc, config);
  const out: string[] = [];
  doc.blocks.forEach((block, i) => {
    if (flags.block !== undefined && flags.block !== i + 1) return;
    const span = block.tracked.span ?? { start: 0, end: 0 };
    const edits = block.tracked.edits(null).filter((e) => !flags.rule || e.rule === flags.rule);
    if (flags.rule && edits.length === 0) return;
    out.push(`#${i + 1} ${block.kind} [${span.start}, ${span.end})`);
    out.push(`  raw:   ${visible(doc.text.slice(span.start, span.end))}`);
    out.push(`  clean: ${block.tracked.text}`);
    for (const e of edits) out.push(`    ${e.rule}  ${e.span.start}  «${visible(e.before)}» → «${e.after}»`);
  });
  if (flags.dropped) {
    for (const p of doc.dropped) {
      if (p.rule !== "clean.layout-space" && (!flags.rule || p.rule === flags.rule)) out.push(`dropped ${p.rule}  ${p.start}  «${visible(doc.text.slice(p.start, p.end))}»`);
    }
  }
  const counts = Object.entries(doc.counts).sort(([a], [b]) => (a < b ? -1 : 1));
  out.push(`rules: ${counts.map(([rule, n]) => `${rule} ${n}`).join(", ")}`);
  return `${out.join("\n")}\n`;
}

export function register(cli: Command): void {
  cli
    .command("show <source>")
    .description("show the raw and clean text of one source side by side, with the edit behind every change")
    .option("-c, --config <file>", "pipeline settings (JSON)", defaultConfigPath)
    .option("-b, --block <n>", "only block n (1-based, as passage ids number them)", positiveInt)
    .option("-r, --rule <id>", "only edits by this rule, e.g. clean.punctuation")
    .option("-d, --dropped", "also list the text dropped between blocks")
    .action((source: string, flags: ShowFlags) => {
      process.stdout.write(showDocument(source, flags));
    });
}
