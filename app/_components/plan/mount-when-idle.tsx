"use client";

/**
 * Mounts its children at the browser's next idle moment, one waiting part per idle
 * task: the plan's charts each cost Recharts hundreds of milliseconds on a slow phone,
 * and mounted together they held the main thread for seconds right after the answer,
 * so a first keystroke waited for all of them. Between two charts a keystroke is
 * handled. Until its turn a part holds its room (`height`), so nothing below jumps.
 */
import { useCallback, useEffect, useState, type ReactNode } from "react";

const waiting: (() => void)[] = [];
let pumping = false;

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}

function pump(): void {
  const next = waiting.shift();
  next?.();
  if (waiting.length > 0) whenIdle(pump);
  else pumping = false;
}

/** Runs `mount` in an idle task of its own, after the parts queued before it; the returned function takes it out of the queue. */
function queueMount(mount: () => void): () => void {
  waiting.push(mount);
  if (!pumping) {
    pumping = true;
    whenIdle(pump);
  }
  return () => {
    const at = waiting.indexOf(mount);
    if (at >= 0) waiting.splice(at, 1);
  };
}

/**
 * False on the server and while hydrating, true from the part's idle task on, or at once
 * when `now` is called (someone reached for the part before its turn).
 */
export function useIdleMount(): [mounted: boolean, now: () => void] {
  const [mounted, setMounted] = useState(false);
  useEffect(() => (mounted ? undefined : queueMount(() => setMounted(true))), [mounted]);
  const now = useCallback(() => setMounted(true), []);
  return [mounted, now];
}

/** `bare`: the room alone, for a part inside a chart's own frame (a panel of small multiples). */
export function MountWhenIdle({ height, bare = false, children }: { height: number; bare?: boolean; children: ReactNode }) {
  const [mounted] = useIdleMount();
  if (mounted) return children;
  return bare ? (
    <div style={{ height }} aria-busy="true" />
  ) : (
    <div className="chart chart-loading" style={{ minHeight: height }} aria-busy="true" aria-label="Drawing the chart" />
  );
}
