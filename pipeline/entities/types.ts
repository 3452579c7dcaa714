// What the recognisers hand to resolution and linking: typed spans in one block's clean text.
import type { z } from "zod";
import type { EntityType as EntityTypeSchema } from "../model/schema.js";

export type EntityType = z.infer<typeof EntityTypeSchema>;

/** The language a name is filed under, from the script of its text. */
export type NameLang = "zh" | "en" | "ru";

/**
 * Overlapping candidates of one layer compete; layers nest (a date inside a treaty title, a city
 * inside a summit), so a title and the names inside it are all kept.
 */
export type Layer = "work" | "event" | "name";

export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  lang: NameLang;
  /** The rule that found it, e.g. zh.registry; the higher its rank, the more it is trusted. */
  rule: string;
  rank: number;
  /** A canonical id known when found: a registry entry, a date value, a series instance. */
  id?: string;
  /** Identity within the document when it differs from the normalised text (a date's value). */
  key?: string;
  /** Kept only when its entity has a trusted mention too (a bare acronym, a tagger-only name). */
  weak?: boolean;
}

/** Two candidates that name the same entity: a gloss 诺罗夫（Vladimir Norov） or a definition "Name (ACR)". */
export interface Link {
  a: { start: number; end: number };
  b: { start: number; end: number };
  rule: string;
}

export const layerOf = (type: EntityType): Layer => (type === "WORK" ? "work" : type === "EVENT" ? "event" : "name");

/**
 * A candidate with every field present, in one order: all candidates then share one object shape,
 * which keeps property reads in resolution and linking fast.
 */
export const candidate = (c: Candidate): Candidate => ({
  start: c.start,
  end: c.end,
  type: c.type,
  lang: c.lang,
  rule: c.rule,
  rank: c.rank,
  id: c.id,
  key: c.key,
  weak: c.weak,
});

/** A factory of candidates of one language: candidate(start, end, type, rule, rank, extra). */
export const candidates =
  (lang: NameLang) =>
  (start: number, end: number, type: EntityType, rule: string, rank: number, extra: Partial<Candidate> = {}): Candidate =>
    // The fields of candidate(), in its order: the same shape, without an object in between.
    ({ start, end, type, lang, rule, rank, id: extra.id, key: extra.key, weak: extra.weak });
