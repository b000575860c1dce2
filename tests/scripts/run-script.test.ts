import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const helper = join(process.cwd(), "scripts/bench/run-script.ts");
const dir = mkdtempSync(join(tmpdir(), "run-script-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a script whose main is `body` through runScript, as `npx tsx` runs scripts/*.ts. */
function run(name: string, body: string) {
  const path = join(dir, `${name}.ts`);
  writeFileSync(path, `import { runScript } from ${JSON.stringify(helper)};\nrunScript(async () => {\n${body}\n});\n`);
  return spawnSync(process.execPath, ["--import", "tsx", path], { encoding: "utf8", timeout: 30_000 });
}

describe("runScript", () => {
  it("exits with 0 when main returns nothing, though a timer would keep Node running", () => {
    const result = run("nothing", `setInterval(() => {}, 1000); console.log("done");`);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("done\n");
  });

  it("exits with the code main returns", () => {
    expect(run("code", "return 3;").status).toBe(3);
  });

  it("prints the error's message, not its stack, and exits with 1 when main throws", () => {
    const result = run("throws", `throw new Error("no database at /nowhere");`);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("no database at /nowhere\n");
  });
});
