// Align stage: pairs parallel units (abstracts, titles, keywords, sections) across languages.
// The foundation pairs nothing yet; the contract (document.alignments) is fixed here.
import type { Stage } from "../model/work.js";

export const align: Stage = (doc) => doc;
