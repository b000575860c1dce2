/**
 * The scenario's fields as people see them: label, the unit shown beside the
 * input, the scale from stored to shown value, and the arrow-key step, all from
 * the parameter catalogue (lib/scenario-params/catalogue.ts). The editor's inputs,
 * the problem messages (issue-words.ts) and the comparison of scenarios read them here.
 */
import { paramPattern, scenarioParam } from "@/lib/scenario-params/catalogue";

export interface FieldLabel {
  label: string;
  /** The unit shown beside the input ("users", "ms", "%"); "" for text. */
  unit: string;
  /** Shown value = stored value × scale (shares are stored 0..1 and shown in %). */
  scale?: number;
  /** Arrow-key step in shown units. */
  step?: number;
}

/** A shown value with its unit as a sentence writes it: "50,000 users", "60%". */
export function withUnit(shown: string, unit: string): string {
  if (unit === "") return shown;
  return unit.startsWith("%") ? `${shown}${unit}` : `${shown} ${unit}`;
}

/** "monthlyActiveUsers" → "monthly active users": a last resort for a path the table lacks. */
function spoken(segment: string): string {
  return segment.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

export function fieldLabel(path: string): FieldLabel {
  const segments = path.split(".").filter((s) => s !== "");
  const index = segments.find((s) => /^\d+$/.test(s));
  const known = scenarioParam(paramPattern(path));
  if (known?.label !== undefined) {
    const { label, unit = "", scale, step } = known;
    const shown: FieldLabel = { label: label.replace("{n}", index === undefined ? "" : String(Number(index) + 1)), unit };
    if (scale !== undefined) shown.scale = scale;
    if (step !== undefined) shown.step = step;
    return shown;
  }
  const last = [...segments].reverse().find((s) => !/^\d+$/.test(s));
  const words = last ? spoken(last) : "The scenario";
  return { label: words.charAt(0).toUpperCase() + words.slice(1), unit: "" };
}
