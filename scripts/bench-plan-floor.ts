/**
 * The floor under bench:plan-load's figures: this app with /plan replaced by a trivial page
 * (scripts/bench/plan-floor/: one field and one figure, with the planner's test ids), built
 * from a copy of the working tree and loaded with the CPU slowed 4× in the same rounds as this
 * build's planner, the two taking turns. What the floor measures is what any page of this
 * site pays before its first keystroke is shown: Next's and React's scripts, the header, the
 * stylesheet, hydration.
 *
 *   npm run bench:plan-floor [-- --rounds 8] [--router app|pages]
 *
 * `app`: the page in the App Router under the planner's own layout (app/plan/layout.tsx), as
 * /plan is served. `pages`: in the Pages Router, the site's frame (pages/_app.tsx), React
 * hydrated. Both when not given.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ensureBuild, startApp, type AppServer } from "./bench/app-server";
import { runScript } from "./bench/run-script";
import { flag } from "./bench/flags";

const ROUTERS = ["app", "pages"] as const;
type Router = (typeof ROUTERS)[number];
const TEMPLATES = "scripts/bench/plan-floor";

/** The working tree's files (committed or not, ignored ones left out) copied to `dir`, its node_modules hard-linked. */
function copyWorkingTree(root: string, dir: string): void {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    // A tracked file deleted in the working tree is listed too.
    .filter((file) => file && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file), { force: true, errorOnExist: false });
  }
  // Hard links: node_modules is 600 MB; Turbopack refuses a node_modules symlinked from outside the project.
  execFileSync("cp", ["-al", join(root, "node_modules"), join(dir, "node_modules")]);
}

/** /plan made the trivial page, in the given router; the planner's modules are gone. */
function makeFloor(dir: string, router: Router): void {
  rmSync(join(dir, "app/plan/_components"), { recursive: true });
  rmSync(join(dir, "app/plan/example-scenarios.ts"));
  // It asks for the planner's engine.
  rmSync(join(dir, "instrumentation-client.ts"));
  if (router === "app") cpSync(join(dir, TEMPLATES, "app-page.tsx"), join(dir, "app/plan/page.tsx"));
  else {
    rmSync(join(dir, "app/plan"), { recursive: true });
    cpSync(join(dir, TEMPLATES, "pages-plan.tsx"), join(dir, "pages/plan.tsx"));
    cpSync(join(dir, TEMPLATES, "pages-document.tsx"), join(dir, "pages/_document.tsx"));
  }
}

async function main() {
  const root = process.cwd();
  const rounds = flag("rounds") ?? "8";
  const chosen = flag("router");
  if (chosen !== undefined && !ROUTERS.includes(chosen as Router)) throw new Error(`--router: "${chosen}" is neither app nor pages`);
  const routers = chosen ? [chosen as Router] : [...ROUTERS];
  ensureBuild(root);
  const work = mkdtempSync(join(tmpdir(), "bench-plan-floor-"));
  const servers: AppServer[] = [];
  try {
    const planner = await startApp(root, `file:${join(work, "planner.db")}`);
    servers.push(planner);
    for (const router of routers) {
      const dir = join(work, router);
      copyWorkingTree(root, dir);
      makeFloor(dir, router);
      console.log(`Building the ${router} router's floor page in ${dir} …`);
      try {
        execFileSync("npx", ["next", "build"], { cwd: dir, stdio: "pipe", env: { ...process.env, NEXT_DIST_DIR: ".next", NEXT_TELEMETRY_DISABLED: "1" } });
      } catch (error) {
        const output = (error as { stdout?: Buffer; stderr?: Buffer }).stdout?.toString() ?? "";
        throw new Error(`the ${router} floor's build failed:\n${output.slice(-3000)}${(error as { stderr?: Buffer }).stderr?.toString().slice(-2000) ?? ""}`);
      }
      const floor = await startApp(dir, `file:${join(work, `${router}.db`)}`);
      servers.push(floor);
      console.log(`\nThe planner (${planner.baseUrl}) against the ${router} router's floor (${floor.baseUrl}, --vs):`);
      execFileSync("npx", ["tsx", "scripts/bench-plan-load.ts", "--url", planner.baseUrl, "--vs", floor.baseUrl, "--rounds", rounds], { cwd: root, stdio: "inherit" });
    }
  } finally {
    for (const server of servers) server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

runScript(main);
