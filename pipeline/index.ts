// The library: the stages, the document model and the build, for use without the CLI.
export * from "./model/schema.js";
export { Tracked, type Piece, type Change } from "./model/tracked.js";
export type { Block, Stage, WorkDoc } from "./model/work.js";
export { loadConfig, type Config, type LoadedConfig } from "./config.js";
export { decodeSource } from "./ingest/decode.js";
export { discover } from "./ingest/discover.js";
export { ingest } from "./ingest/index.js";
export { clean } from "./clean/index.js";
export { structure } from "./structure/index.js";
export { segment } from "./segment/index.js";
export { align } from "./align/index.js";
export { entities } from "./entities/index.js";
export { toDocument } from "./emit/document.js";
export { processSource, stages } from "./run/process.js";
export { build, type BuildOptions, type BuildReport } from "./run/build.js";
