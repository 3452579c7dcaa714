// The tool's name and version, from package.json, for the manifest and --version.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./config.js";

const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { name: string; version: string };

export const toolName: string = pkg.name;
export const toolVersion: string = pkg.version;
