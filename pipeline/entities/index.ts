// Entities stage: mentions of people, organisations, places … with one id across languages.
// The foundation finds none yet; the contract (document.entities) is fixed here.
import type { Stage } from "../model/work.js";

export const entities: Stage = (doc) => doc;
