// `corpus check`: the data-quality gate. Prints a table, writes <out>/quality.json, and exits 2
// naming each failed rule with the document, passage and span of its first violations.
import type { Command } from "commander";
import { join } from "node:path";
import { defaultQualityPath, loadQualityConfig } from "../check/config.js";
import { runCheck } from "../check/index.js";
import type { RuleResult } from "../check/report.js";
import { projectRoot } from "../config.js";
import { EXIT_REJECTED } from "./common.js";

const SHOWN = 5;

export function register(cli: Command): void {
  cli
    .command("check")
    .description("validate an output against its schemas and the data-quality rules; exit 2 when a rule fails")
    .option("-o, --out <dir>", "output directory to check", join(projectRoot, "output"))
    .option("-c, --config <file>", "quality thresholds (JSON)", defaultQualityPath)
    .option("-b, --baseline <dir>", "a previous output to compare metrics with")
    .action(async (flags: { out: string; config: string; baseline?: string }) => {
      const report = await runCheck({ out: flags.out, config: loadQualityConfig(flags.config), ...(flags.baseline ? { baseline: flags.baseline } : {}) });
      process.stdout.write(table(report.rules));
      for (const rule of report.rules.filter((r) => r.status === "fail")) {
        process.stderr.write(`FAIL ${rule.id}: ${rule.description} (${rule.value}, limit ${rule.limit})\n`);
        for (const v of rule.violations.slice(0, SHOWN)) {
          const where = [v.doc, v.passage, v.span ? `${v.span.start}-${v.span.end}` : null].filter(Boolean).join(" ");
          process.stderr.write(`  ${where}: ${v.text}\n`);
        }
        if (rule.count > SHOWN) process.stderr.write(`  … ${rule.count - SHOWN} more in quality.json\n`);
      }
      const failed = report.rules.filter((r) => r.status === "fail").length;
      process.stderr.write(failed ? `${failed} of ${report.rules.length} quality rules failed\n` : `all ${report.rules.length} quality rules passed\n`);
      process.exitCode = failed ? EXIT_REJECTED : 0;
    });
}

function table(rules: readonly RuleResult[]): string {
  const rows = rules.map((r) => [r.status === "pass" ? "ok" : "FAIL", r.id, String(r.value), r.limit]);
  const widths = [4, ...[1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length), 5))];
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n") + "\n";
}
