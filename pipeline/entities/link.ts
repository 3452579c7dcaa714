// From mentions to entities: mentions that name the same thing share one id. Same registry entry,
// same normalised name, a gloss or acronym definition, a Russian inflected form, a pinyin
// romanisation (许涛 = Xu Tao), CC-CEDICT's English name (比什凯克 = Bishkek) or a surname that
// stands for the full name in the same document all join two mentions, unless they belong to two
// different registry entries. Entities without a registry entry get an id from type and name.
import type { Block, WorkEntity } from "../model/work.js";
import { properNoun } from "./cedict.js";
import { pinyinSlug, romanisations } from "./pinyin.js";
import { byId, lookupKey } from "./registry.js";
import { sameRuWord } from "./stem.js";
import { NAME_DOTS, nameKey, slug, splitCamel } from "./text.js";
import { candidate, type Candidate, type EntityType, type Link, type NameLang } from "./types.js";

export interface BlockMentions {
  block: Block;
  mentions: Candidate[];
  links: Link[];
}

interface Node {
  order: number;
  block: Block;
  blockIndex: number;
  m: Candidate;
  text: string;
  key: string;
}

const family = (t: EntityType): string => (t === "LOC" ? "GPE" : t);
const typeOrder: EntityType[] = ["PERSON", "ORG", "GPE", "LOC", "EVENT", "WORK", "DATE"];

export function linkMentions(found: BlockMentions[]): WorkEntity[] {
  const nodes: Node[] = [];
  found.forEach(({ block, mentions }, blockIndex) => {
    for (const m of mentions) {
      const text = block.tracked.text.slice(m.start, m.end);
      const key = nameKey(text, m.lang);
      const entry = m.id ? undefined : lookupKey(key, m.lang);
      const known = entry && family(entry.type) === family(m.type) ? candidate({ ...m, id: entry.id }) : m;
      nodes.push({ order: nodes.length, block, blockIndex, m: known, text, key: m.key ?? key });
    }
  });
  const sets = new Clusters(nodes);
  groupById(nodes, sets);
  groupByName(nodes, sets);
  joinLinks(found, nodes, sets);
  joinRussianForms(nodes, sets);
  joinRomanisations(nodes, sets);
  joinSurnames(nodes, sets);
  return sets.entities();
}

/** Mentions with one id (a registry entry, a date value) are one entity. */
function groupById(nodes: Node[], sets: Clusters): void {
  const first = new Map<string, Node>();
  for (const n of nodes) {
    if (n.m.id === undefined) continue;
    const f = first.get(n.m.id);
    if (f) sets.join(f, n);
    else first.set(n.m.id, n);
  }
}

/** Mentions of one type family, language and name key are one entity (maps per family and language, so no key strings are built). */
function groupByName(nodes: Node[], sets: Clusters): void {
  const first = new Map<string, Map<NameLang, Map<string, Node>>>();
  for (const n of nodes) {
    let byLang = first.get(family(n.m.type));
    if (!byLang) first.set(family(n.m.type), (byLang = new Map()));
    let byKey = byLang.get(n.m.lang);
    if (!byKey) byLang.set(n.m.lang, (byKey = new Map()));
    const f = byKey.get(n.key);
    if (f) sets.join(f, n);
    else byKey.set(n.key, n);
  }
}

function joinLinks(found: BlockMentions[], nodes: Node[], sets: Clusters): void {
  const byBlock = found.map((): Node[] => []);
  for (const n of nodes) byBlock[n.blockIndex]!.push(n);
  found.forEach(({ links }, blockIndex) => {
    const inBlock = byBlock[blockIndex]!;
    const at = (s: { start: number; end: number }) =>
      inBlock.find((n) => n.m.start === s.start && n.m.end === s.end) ?? inBlock.find((n) => n.m.start <= s.start && s.end <= n.m.end);
    for (const { a, b } of links) {
      const na = at(a);
      const nb = at(b);
      if (na && nb && na.m.type !== "DATE" && nb.m.type !== "DATE") sets.join(na, nb);
    }
  });
}

/** Казахстане and Казахстан, Сысоева and Сысоев: Russian names equal word by word through inflection. */
function joinRussianForms(nodes: Node[], sets: Clusters): void {
  const ru = nodes.filter((n) => n.m.lang === "ru" && n.m.type !== "DATE");
  const words = ru.map((n) => n.text.split(/[\s.]+/).filter(Boolean));
  for (let i = 0; i < ru.length; i++) {
    for (let j = i + 1; j < ru.length; j++) {
      const a = words[i]!;
      const b = words[j]!;
      if (family(ru[i]!.m.type) === family(ru[j]!.m.type) && a.length === b.length && a.every((w, k) => sameRuWord(w, b[k]!))) sets.join(ru[i]!, ru[j]!);
    }
  }
}

/** A Chinese name and its romanisation (许涛, Xu Tao); a Chinese place or body and CC-CEDICT's English name for it. */
function joinRomanisations(nodes: Node[], sets: Clusters): void {
  // The first English mention of each name key, by type family.
  const latin = new Map<string, Map<string, Node>>();
  for (const n of nodes) {
    if (n.m.lang !== "en") continue;
    let byKey = latin.get(family(n.m.type));
    if (!byKey) latin.set(family(n.m.type), (byKey = new Map()));
    if (!byKey.has(n.key)) byKey.set(n.key, n);
  }
  const latinPersons = latin.get("PERSON");
  // A name recurs in a document: its English key is worked out once.
  const englishKeys = new Map<string, string | undefined>();
  for (const n of nodes) {
    if (n.m.lang !== "zh") continue;
    if (n.m.type === "PERSON") {
      for (const r of latinPersons ? romanisations(n.key) : []) {
        const other = latinPersons?.get(r);
        if (other) sets.join(n, other);
      }
    } else if (n.m.type !== "DATE") {
      if (!englishKeys.has(n.key)) {
        const english = properNoun(n.key)?.english;
        englishKeys.set(n.key, english ? nameKey(english, "en") : undefined);
      }
      const key = englishKeys.get(n.key);
      const other = key === undefined ? undefined : latin.get(family(n.m.type))?.get(key);
      if (other) sets.join(n, other);
    }
  }
}

/** 斯塔尔 for 弗瑞德里克·斯塔尔, Wendt for Alexander Wendt: a surname alone stands for the one full name that ends with it. */
function joinSurnames(nodes: Node[], sets: Clusters): void {
  const shorts: Node[] = [];
  // Full names by language and the key of their last part.
  const byLastPart = new Map<string, Node[]>();
  for (const n of nodes) {
    if (n.m.type !== "PERSON") continue;
    const last = lastPart(n);
    if (last === null) shorts.push(n);
    else {
      const k = `${n.m.lang}\0${last}`;
      const list = byLastPart.get(k);
      if (list) list.push(n);
      else byLastPart.set(k, [n]);
    }
  }
  for (const short of shorts) {
    const full = byLastPart.get(`${short.m.lang}\0${short.key}`) ?? [];
    if (new Set(full.map((p) => sets.find(p))).size === 1) sets.join(short, full[0]!);
  }
}

const dot = new RegExp(`[${NAME_DOTS}]`, "u");

function lastPart(n: Node): string | null {
  const parts = n.m.lang === "zh" ? n.text.split(dot) : splitCamel(n.text).split(/\s+/);
  return parts.length > 1 ? nameKey(parts[parts.length - 1]!, n.m.lang) : null;
}

/** Union-find over mentions that refuses to join two different registry entries. */
class Clusters {
  private readonly parent: number[];
  private readonly registryId: (string | undefined)[];

  constructor(private readonly nodes: Node[]) {
    this.parent = nodes.map((_, i) => i);
    this.registryId = nodes.map((n) => (n.m.id && byId.has(n.m.id) ? n.m.id : undefined));
  }

  find(n: Node | number): number {
    let i = typeof n === "number" ? n : n.order;
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }

  join(a: Node, b: Node): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const ia = this.registryId[ra];
    const ib = this.registryId[rb];
    if (ia && ib && ia !== ib) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    this.registryId[root] = ia ?? ib;
  }

  entities(): WorkEntity[] {
    const groups = new Map<number, Node[]>();
    for (const n of this.nodes) {
      const r = this.find(n);
      const group = groups.get(r);
      if (group) group.push(n);
      else groups.set(r, [n]);
    }
    const byEntityId = new Map<string, Node[]>();
    // A cluster's members are in reading order already; only ids shared by clusters need a sort.
    const shared = new Set<string>();
    for (const [root, members] of groups) {
      if (members.every((n) => n.m.weak) && !this.registryId[root]) continue;
      const id = this.registryId[root] ?? members.find((n) => n.m.id)?.m.id ?? derivedId(members);
      const same = byEntityId.get(id);
      if (same) for (const n of members) same.push(n);
      else byEntityId.set(id, members);
      if (same) shared.add(id);
    }
    const inOrder = (id: string, members: Node[]) => (shared.has(id) ? members.sort((a, b) => a.blockIndex - b.blockIndex || a.m.start - b.m.start) : members);
    return [...byEntityId]
      .map(([id, members]) => toEntity(id, inOrder(id, members)))
      .sort((a, b) => a.first - b.first)
      .map(({ entity }) => entity);
  }
}

function typeOf(members: Node[]): EntityType {
  const counts = new Map<EntityType, number>();
  for (const n of members) if (!n.m.weak) counts.set(n.m.type, (counts.get(n.m.type) ?? 0) + 1);
  if (!counts.size) for (const n of members) counts.set(n.m.type, (counts.get(n.m.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || typeOrder.indexOf(a[0]) - typeOrder.indexOf(b[0]))[0]![0];
}

/** type:slug from the English name if there is one, else the pinyin of a Chinese person name, else the name itself. */
function derivedId(members: Node[]): string {
  const type = typeOf(members);
  const longest = (lang: NameLang) =>
    members.filter((n) => n.m.lang === lang).map((n) => n.text).sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
  const en = longest("en");
  const zh = longest("zh");
  // A Chinese person romanised in the document keeps the id its Chinese name alone would give.
  const pinyin = zh && type === "PERSON" ? pinyinSlug(nameKey(zh, "zh")) : "";
  const name =
    pinyin && (!en || nameKey(en, "en") === pinyin.replace(/-/g, ""))
      ? pinyin
      : en
        ? slug(splitCamel(en))
        : zh
          ? nameKey(zh, "zh")
          : slug(longest("ru") ?? "");
  return `${type.toLowerCase()}:${name || "unnamed"}`;
}

function toEntity(id: string, members: Node[]): { entity: WorkEntity; first: number } {
  const entry = byId.get(id);
  // The texts met per language, each once (in order), before their spaces are normalised.
  const seen: Record<NameLang, Set<string>> = { zh: new Set(), en: new Set(), ru: new Set() };
  for (const n of members) seen[n.m.lang].add(n.text);
  const names: Record<string, string[]> = {};
  for (const lang of ["zh", "en", "ru"] as const) {
    const canonical = entry?.names[lang]?.[0];
    const list = [...new Set([...(canonical ? [canonical] : []), ...[...seen[lang]].map((t) => t.replace(/\s+/g, " "))])];
    if (list.length) names[lang] = list;
  }
  const first = members[0]!;
  return {
    entity: {
      id,
      type: entry?.type ?? typeOf(members),
      names,
      mentions: members.map((n) => ({ block: n.block, start: n.m.start, end: n.m.end, text: n.text })),
    },
    first: first.blockIndex * 1e7 + first.m.start,
  };
}
