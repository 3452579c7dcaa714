// `corpus split --lang <code>`: the project's sentence splitter as a filter. Reads JSON lines
// {"text": "…"} on stdin, writes {"sentences": ["…", …]} per input line, in order, on stdout.
import type { Command } from "commander";
import { createInterface } from "node:readline";
import { sentenceTexts } from "../segment/sentences.js";
import { EXIT_USAGE } from "./common.js";

export async function splitLines(lang: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (line.trim() === "") continue;
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown }).text;
    } catch {
      text = undefined;
    }
    if (typeof text !== "string") {
      process.stderr.write(`corpus split: line ${n}: expected a JSON object {"text": "…"}\n`);
      return EXIT_USAGE;
    }
    if (!output.write(`${JSON.stringify({ sentences: sentenceTexts(text, lang) })}\n`)) {
      await new Promise((resolve) => output.once("drain", resolve));
    }
  }
  return 0;
}

export function register(cli: Command): void {
  cli
    .command("split")
    .description('split text into sentences: JSON lines {"text": "…"} on stdin → {"sentences": […]} on stdout')
    .requiredOption("-l, --lang <code>", "BCP 47 language of the text (zh, en, ru, kk, …; others fall back by script)")
    .action(async (flags: { lang: string }) => {
      process.exitCode = await splitLines(flags.lang, process.stdin, process.stdout);
    });
}
