/**
 * What the main thread ran in each long task of a traced page load: a Chromium
 * performance trace (CDP Tracing, the timeline and sampling profiler categories) read
 * back as the renderer's top-level tasks of at least `minMs`, each with its trace events
 * (script evaluation of which chunk, event dispatch, layout, …) and its profiler samples
 * grouped two ways: self time by package or source file, and by the nearest frame in the
 * app's own code (app/, lib/). Frames are named by source when the build has source maps
 * (`PROFILE_SOURCE_MAPS=1 NEXT_DIST_DIR=.next-profile npx next build`, next.config.ts),
 * else by chunk and minified name.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CDPSession } from "playwright-core";
import { SourceMapConsumer } from "source-map-js";

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: Record<string, unknown> & { url?: string; type?: string } };
};

interface CallFrame {
  functionName: string;
  /** Absent for the profiler's own nodes ("(program)", "(garbage collector)"). */
  url?: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "v8.execute",
  "blink.user_timing",
  "loading",
  "disabled-by-default-v8.cpu_profiler",
];

/** Starts a trace on `cdp`; the returned function ends it and gives back its events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[])));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: CATEGORIES }, transferMode: "ReportEvents" });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.end");
    await complete;
    return events;
  };
}

export interface TaskBreakdown {
  /** Ms from the navigation's start. */
  at: number;
  ms: number;
  /** Trace events of ≥ 5 ms inside it: "EvaluateScript 0abc.js 151", "EventDispatch keydown 33". */
  events: string[];
  /** Self time by package (node_modules) or source file, ms, largest first. */
  selfBy: [string, number][];
  /** Samples by the nearest frame in app/ or lib/ ("function@file:line"), ms, largest first. */
  appFrames: [string, number][];
}

/** Source-map reader for the chunks of one build (`distDir`); frames of chunks without a map keep their minified names. */
function frameNamer(distDir: string): (frame: CallFrame) => { source: string; name: string; line: number } {
  const maps = new Map<string, SourceMapConsumer | null>();
  const named = new Map<string, { source: string; name: string; line: number }>();
  const mapOf = (url: string | undefined): SourceMapConsumer | null => {
    const chunk = url?.split("/_next/static/chunks/")[1]?.split("?")[0];
    if (!chunk) return null;
    if (!maps.has(chunk)) {
      const file = join(distDir, "static", "chunks", chunk);
      // A chunk's map is named in its last line (Turbopack hashes the two apart).
      const mapName = existsSync(file) ? /sourceMappingURL=(\S+)/.exec(readFileSync(file, "utf8"))?.[1] : undefined;
      const mapFile = mapName ? join(distDir, "static", "chunks", mapName) : null;
      maps.set(chunk, mapFile && existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, "utf8"))) : null);
    }
    return maps.get(chunk) ?? null;
  };
  return (frame) => {
    const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    let found = named.get(key);
    if (!found) {
      const map = mapOf(frame.url);
      const at = map?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
      found =
        at?.source != null
          ? { source: at.source.replace(/^.*?\[project\]\//, "").replace(/^turbopack:\/\/\//, ""), name: at.name ?? frame.functionName, line: at.line ?? 0 }
          : { source: frame.url ? (frame.url.split("/").pop() ?? frame.url) : `(${frame.functionName || "program"})`, name: frame.functionName, line: frame.lineNumber };
      named.set(key, found);
    }
    return found;
  };
}

function packageOf(source: string): string {
  if (source.includes("react-dom")) return "react-dom";
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return inModules ? inModules[1]! : source;
}

function ranked(totals: Map<string, number>, minMs: number): [string, number][] {
  return [...totals]
    .map(([k, us]): [string, number] => [k, us / 1000])
    .filter(([, ms]) => ms >= minMs)
    .sort((a, b) => b[1] - a[1]);
}

const SHOWN_EVENTS = new Set([
  "EvaluateScript",
  "v8.compile",
  "FunctionCall",
  "EventDispatch",
  "ParseHTML",
  "Layout",
  "UpdateLayoutTree",
  "Paint",
  "TimerFire",
  "FireIdleCallback",
  "FireAnimationFrame",
  "MajorGC",
  "MinorGC",
]);

/**
 * The renderer's top-level tasks of at least `minMs` from `pageUrl`'s navigation until
 * `untilMark` (a performance.mark the page set), each broken down.
 */
export function longTasks(events: TraceEvent[], pageUrl: string, untilMark: string, minMs: number, distDir: string): TaskBreakdown[] {
  const until = events.find((e) => e.name === untilMark);
  if (!until) throw new Error(`the trace has no mark "${untilMark}"`);
  const { pid } = until;
  const navigation = events
    .filter((e) => e.pid === pid && e.name === "navigationStart" && String(e.args?.data?.documentLoaderURL ?? "").startsWith(pageUrl))
    .at(-1);
  if (!navigation) throw new Error(`the trace has no navigation to ${pageUrl}`);
  const mainTid = events.find((e) => e.pid === pid && e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")?.tid;
  const thread = events.filter((e) => e.pid === pid && e.tid === mainTid);

  // The sampling profile: its nodes and each sample's time, on the trace's clock.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  let clock = 0;
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === "Profile") clock = Number((e.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
    if (e.name !== "ProfileChunk") continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    ids.forEach((id, i) => {
      clock += data.timeDeltas?.[i] ?? 0;
      samples.push({ ts: clock, node: id });
    });
  }
  samples.sort((a, b) => a.ts - b.ts);
  const nameOf = frameNamer(distDir);

  const tasks = thread.filter(
    (e) => e.ph === "X" && e.name === "RunTask" && (e.dur ?? 0) >= minMs * 1000 && e.ts >= navigation.ts && e.ts < until.ts,
  );
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = thread.filter(
      (e) => e !== task && e.ph === "X" && SHOWN_EVENTS.has(e.name) && e.ts >= task.ts && e.ts <= end && (e.dur ?? 0) >= 5000,
    );
    const selfBy = new Map<string, number>();
    const appFrames = new Map<string, number>();
    const inTask = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
    inTask.forEach((sample, i) => {
      const us = (inTask[i + 1]?.ts ?? end) - sample.ts;
      let node = nodes.get(sample.node);
      if (!node) return;
      const leaf = nameOf(node.callFrame);
      selfBy.set(packageOf(leaf.source), (selfBy.get(packageOf(leaf.source)) ?? 0) + us);
      let app: string | null = null;
      while (node && app === null) {
        const frame = nameOf(node.callFrame);
        if (/^(app|lib)\//.test(frame.source)) app = `${frame.name || "(anonymous)"}@${frame.source}:${frame.line}`;
        node = node.parent === undefined ? undefined : nodes.get(node.parent);
      }
      app ??= "(framework or browser only)";
      appFrames.set(app, (appFrames.get(app) ?? 0) + us);
    });
    return {
      at: (task.ts - navigation.ts) / 1000,
      ms: (task.dur ?? 0) / 1000,
      events: inside.map((e) => {
        const what = e.args?.data?.url ? (String(e.args.data.url).split("/").pop() ?? "") : (e.args?.data?.type ?? "");
        return `${e.name}${what ? ` ${what}` : ""} ${((e.dur ?? 0) / 1000).toFixed(0)}`;
      }),
      selfBy: ranked(selfBy, 2),
      appFrames: ranked(appFrames, 2),
    };
  });
}

export function printLongTasks(tasks: TaskBreakdown[], top = 6): void {
  for (const task of tasks) {
    console.log(`\n  task at ${task.at.toFixed(0)} ms: ${task.ms.toFixed(0)} ms`);
    if (task.events.length > 0) console.log(`    events: ${task.events.slice(0, 8).join(", ")}`);
    console.log(`    self time: ${task.selfBy.slice(0, top).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(", ")}`);
    console.log(`    in app code:`);
    for (const [frame, ms] of task.appFrames.slice(0, top)) console.log(`      ${ms.toFixed(0).padStart(5)} ms  ${frame}`);
  }
  const total = tasks.reduce((s, t) => s + t.ms, 0);
  console.log(`\n  ${tasks.length} long tasks, ${total.toFixed(0)} ms in all`);
}
