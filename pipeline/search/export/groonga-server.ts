// A throwaway Groonga HTTP server on 127.0.0.1, a free port and a temporary database: what the
// integration tests and the server benchmark run against. Stopping it removes the database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const GROONGA = process.env.GROONGA_BIN ?? "groonga";

export function groongaAvailable(): boolean {
  return spawnSync(GROONGA, ["--version"], { stdio: "ignore" }).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface GroongaServer {
  url: string;
  stop(): Promise<void>;
}

export async function startGroonga(timeoutMs = 15_000): Promise<GroongaServer> {
  const dir = mkdtempSync(join(tmpdir(), "corpus-groonga-"));
  const port = await freePort();
  const args = ["-s", "-n", "--protocol", "http", "--bind-address", "127.0.0.1", "-p", String(port), "--log-path", join(dir, "groonga.log"), join(dir, "db")];
  const child: ChildProcess = spawn(GROONGA, args, { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/d/status`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = readLog(dir);
      await stop();
      throw new Error(`groonga did not start on ${url}${log ? `: ${log}` : ""}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, "groonga.log"), "utf8").trim().split("\n").slice(-3).join(" | ");
  } catch {
    return "";
  }
}
