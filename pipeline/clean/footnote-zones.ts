// Runs of bare footnote markers (`①` `②` `③` each on a line of its own) followed by the bodies
// without markers, as some PDF extractions lay out a page foot. The run says how many bodies follow;
// the bodies are cut where a citation most plausibly ends and the next begins.
import type { Line, Wrap } from "./lines.js";
import type { Role } from "./roles.js";

/** Line numbers (Line.index) of zone lines that start a footnote body, and of all zone lines. */
export interface Zones {
  starts: Set<number>;
  inside: Set<number>;
}

/** The line ends with a URL (or the rest of one): its last token holds a slash or starts http/www. */
const URL_TOKEN = /(?:(?:https?:\/\/|www\.)\S*|[^\s\p{Script=Han}]*\/[^\s\p{Script=Han}]*)$/u;
const CITATION_START = /^(?:[[［(（«《“"]|See\b|参见|[\p{Script=Han}·、\u{100170}]{2,15}\s*[:：]|\p{Lu}\p{Ll})/u;

export function footnoteZones(lines: readonly Line[], roles: readonly Role[], wrap: Wrap): Zones {
  const zones: Zones = { starts: new Set(), inside: new Set() };
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== "marker") continue;
    let markers = 0;
    while (i < lines.length && roles[i] === "marker") {
      markers++;
      i++;
    }
    const body: number[] = [];
    // In hard-wrapped text the bodies run to the next text frame; in text whose lines are whole
    // paragraphs, each of the next lines is one body.
    const unwrapped = wrap.wide === null && wrap.narrow === null;
    for (; i < lines.length && roles[i] === "text" && (body.length === 0 || !lines[i]!.frameStart); i++) {
      if (unwrapped && body.length >= markers) break;
      body.push(i);
    }
    i--;
    if (body.length === 0) continue;
    const cuts = new Set(bestCuts(body.map((k) => lines[k]!), markers - 1));
    body.forEach((k, n) => {
      zones.inside.add(lines[k]!.index);
      if (n === 0 || cuts.has(n)) zones.starts.add(lines[k]!.index);
    });
  }
  return zones;
}

/** The `count` line boundaries (indices of the line after) most likely to separate two citations. */
function bestCuts(body: readonly Line[], count: number): number[] {
  if (count <= 0) return [];
  if (count >= body.length - 1) return body.map((_, n) => n).slice(1);
  const widest = Math.max(...body.map((l) => l.width));
  const scored = body.slice(1).map((line, k) => ({ at: k + 1, score: boundaryScore(body[k]!, line, widest) }));
  scored.sort((a, b) => b.score - a.score || a.at - b.at);
  return scored.slice(0, count).map((s) => s.at);
}

function boundaryScore(prev: Line, next: Line, widest: number): number {
  let score = 0;
  const end = prev.text;
  if (/[.。]["”»》)）]?$/u.test(end)) score += 3;
  // Every URL token holds a slash or www. (the pattern is slow on lines without).
  const url = (end.includes("/") || end.includes("www.")) && URL_TOKEN.test(end);
  if (url && !/[/\-_.=&?#:]$/.test(end)) score += 2;
  if (prev.width < widest * 0.85) score += 1;
  if (CITATION_START.test(next.text)) score += 1;
  if (/[,，、(（\-—:：/«《“]$/u.test(end)) score -= 3;
  if (/^(?:https?:|www\.|[,，.。)）»》”:：;；])/u.test(next.text)) score -= 3;
  return score;
}
