/** Mid-tone colours that read on the light and the dark background alike. */
import type { DataStatus } from "@/lib/schemas/benchmark-file";

export const statusColors: Record<DataStatus, string> = {
  measured: "#16a34a",
  claimed: "#d97706",
  estimated: "#8b5cf6",
};

export const implausibleColor = "#dc2626";
export const withinBoundColor = "#3b82f6";
export const referenceLineColor = "#94a3b8";

export const seriesPalette = ["#2563eb", "#16a34a", "#db2777", "#ea580c", "#7c3aed", "#0891b2", "#ca8a04", "#64748b"];
