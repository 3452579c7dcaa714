// Align stage: pairs parallel units across languages inside each document (pipeline/align/document.ts)
// into document.alignments.
import type { Stage } from "../model/work.js";
import { alignDocument } from "./document.js";
import { workView } from "./units.js";

export const align: Stage = (doc) => ({ ...doc, alignments: alignDocument(workView(doc)) });
