// The entity rules are data in config/entities/: the registry of canonical entities and one file
// of patterns per language, validated with zod once, when the module loads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../config.js";
import { EntityType } from "../model/schema.js";

const Words = z.array(z.string().min(1));
const dir = join(projectRoot, "config", "entities");
const load = <T extends z.ZodType>(file: string, schema: T): z.infer<T> => schema.parse(JSON.parse(readFileSync(join(dir, file), "utf8")));

const Names = z.strictObject({ zh: Words.min(1).optional(), en: Words.min(1).optional(), ru: Words.min(1).optional() });

export const RegistryEntry = z.strictObject({
  id: z.string().regex(/^[a-z]+:[a-z0-9-]+$/),
  type: EntityType,
  names: Names,
  /** One-character Chinese abbreviation used in runs such as 中俄两国. */
  zhShort: z.string().length(1).optional(),
  /** Each instance is the name followed by a year (和平使命-2007 → <id>-2007). */
  series: z.boolean().optional(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

export const registryEntries: RegistryEntry[] = load(
  "registry.json",
  z.strictObject({ note: z.string(), entities: z.array(RegistryEntry) }),
).entities;

export const zhRules = load(
  "zh.json",
  z.strictObject({
    note: z.string(),
    orgSuffixes: z.strictObject({ strong: Words, weak: Words }),
    orgModifierTags: Words,
    genericModifiers: Words,
    gpeSuffixes: Words,
    gpeOnlySuffixes: Words,
    eventSuffixes: Words,
    exerciseHeads: Words,
    personTitlesAfter: Words,
    personTitlesBefore: Words,
    personRolesBefore: Words,
    conceptHeads: Words,
    authorVerbs: Words,
    roleLabels: Words,
    surnames: z.string().min(1),
    compoundSurnames: Words,
    transliteration: z.string().min(1),
    personEndings: Words,
    shortFollowers: Words,
  }),
);

const TypedWords = z.strictObject({ ORG: Words, WORK: Words, EVENT: Words, LOC: Words, GPE: Words });

export const enRules = load(
  "en.json",
  z.strictObject({
    note: z.string(),
    heads: TypedWords,
    headFirst: Words,
    connectors: Words,
    personTitles: Words,
    nonNames: Words,
    acronymStop: Words,
    bareYearExclusions: Words,
    months: Words,
  }),
);

export const ruRules = load(
  "ru.json",
  z.strictObject({ note: z.string(), months: Words, orgHeads: Words, givenNames: Words, personTitles: Words }),
);
