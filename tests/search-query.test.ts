// Entity names inside queries, and the plans queries become. The names are those the registry gives
// the SCO and its anti-terrorist body (config/entities/registry.json).
import { describe, expect, it } from "vitest";
import { ftsQuery } from "../pipeline/search/embedded.js";
import { groongaFilter } from "../pipeline/search/export/groonga.js";
import { nameIndex } from "../pipeline/search/names.js";
import { planQuery } from "../pipeline/search/query.js";

const names = nameIndex([
  { id: "org:sco", type: "ORG", names: { zh: ["上海合作组织", "上合组织"], en: ["Shanghai Cooperation Organization", "SCO"], ru: ["Шанхайская организация сотрудничества", "ШОС"] } },
  {
    id: "org:rats",
    type: "ORG",
    names: {
      zh: ["地区反恐怖机构", "上海合作组织地区反恐怖机构", "地区反恐机构"],
      en: ["Regional Anti-Terrorist Structure", "RATS", "regional counterterrorism agencies"],
      ru: ["Региональная антитеррористическая структура", "РАТС"],
    },
  },
  { id: "gpe:china", type: "GPE", names: { zh: ["中国", "中"], en: ["China"] } },
]);

describe("entity names in queries", () => {
  it("finds the leftmost longest name: the RATS, not the SCO, in 上海合作组织地区反恐怖机构", () => {
    expect(names.find("上海合作组织地区反恐怖机构执委会")).toEqual([{ entities: ["org:rats"], start: 0, end: 13 }]);
  });

  it("finds a name inside a Han run and leaves the rest of the run", () => {
    expect(names.find("上合组织反恐合作")).toEqual([{ entities: ["org:sco"], start: 0, end: 4 }]);
  });

  it("matches names by stems, in any case form and letter case (002, Russian abstract)", () => {
    const q = "на базе Региональной антитеррористической структуры ШОС";
    expect(names.find(q)).toEqual([
      { entities: ["org:rats"], start: q.indexOf("Региональной"), end: q.indexOf(" ШОС") },
      { entities: ["org:sco"], start: q.indexOf("ШОС"), end: q.length },
    ]);
    expect(names.find("rats")).toEqual([{ entities: ["org:rats"], start: 0, end: 4 }]);
  });

  it("ignores one-character Han names (中 inside 中亚 is not China)", () => {
    expect(names.find("中亚安全")).toEqual([]);
  });
});

describe("query plans", () => {
  it("makes an entity name match its id and all its names, and the rest of the query a substring", () => {
    const plan = planQuery("上合组织反恐", names);
    expect(plan.entities).toEqual(["org:sco"]);
    expect(plan.clauses).toHaveLength(2);
    const [sco, rest] = plan.clauses;
    expect(sco).toContainEqual([{ field: "entities", terms: ["org:sco"] }]);
    expect(sco).toContainEqual([{ field: "en", terms: ["sco"] }]);
    expect(sco).toContainEqual([{ field: "ru", terms: ["шос"] }]);
    expect(sco).toContainEqual([{ field: "zhBigrams", terms: ["上海", "海合", "合作", "作组", "组织"], literal: "上海合作组织" }]);
    expect(rest).toContainEqual([{ field: "zhBigrams", terms: ["反恐"], literal: "反恐" }]);
  });

  it("drops stopwords from stemmed phrases and alone", () => {
    const plan = planQuery("the security of the region", names);
    expect(plan.clauses).toHaveLength(2);
    expect(plan.clauses[0]).toContainEqual([{ field: "en", terms: ["secur"] }]);
    expect(plan.clauses[1]).toContainEqual([{ field: "en", terms: ["region"] }]);
  });

  it("turns plans into FTS5 and Groonga queries with quoted phrases", () => {
    const plan = planQuery("RATS", names, { entity: "org:rats" });
    const fts = ftsQuery(plan);
    expect(fts).toContain('zh_bigrams : "地区 区反 反恐 恐怖 怖机 机构"');
    expect(fts).toContain('entities : "org:rats"');
    expect(fts).toMatch(/\) AND \(\(entities : "org:rats"\)\)$/);
    const groonga = groongaFilter(plan);
    expect(groonga).toContain('query("zh_bigrams * 1", "\\"地区 区反 反恐 恐怖 怖机 机构\\"")');
    expect(groonga).toContain('query("ru * 1", "\\"региональн антитеррористическ структур\\"")');
  });
});
