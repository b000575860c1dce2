"use client";

/** The parts of /compare that run in the browser: the chart (loaded after the tables) and adding a plan. */
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

export const CompareChart = dynamic(() => import("./compare-chart"), {
  ssr: false,
  loading: () => <p className="chart-loading">Drawing the chart…</p>,
});

/** "https://…/s/AbC…" or "AbC…": the share id at the end. */
function idOf(text: string): string {
  return text.trim().replace(/\/+$/, "").split("/").pop() ?? "";
}

export function AddPlan({ ids, current }: { ids: string[]; current: string | null }) {
  const router = useRouter();
  const inputId = useId();
  const [text, setText] = useState("");
  return (
    <form
      className="compare-add"
      onSubmit={(e) => {
        e.preventDefault();
        const id = idOf(text);
        if (!id) return;
        const params = new URLSearchParams({ ids: [...ids.filter((x) => x !== id), id].join(",") });
        if (current) params.set("s", current);
        router.push(`/compare?${params.toString()}`);
        setText("");
      }}
    >
      <label htmlFor={inputId}>Add a saved plan (its link or id)</label>
      <input id={inputId} value={text} onChange={(e) => setText(e.target.value)} placeholder="https://…/s/…" data-testid="compare-add-input" />
      <button type="submit" className="button" data-testid="compare-add">
        Add
      </button>
    </form>
  );
}
