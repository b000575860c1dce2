/**
 * The editor's fields by section, in order, from the catalogue's `editor` places:
 * what app/plan/_components/catalogue-fields.tsx draws, and the paths a section's
 * fold opens for. Pure data, like the catalogue.
 */
import { SCENARIO_PARAMS, type EditorPlace, type EditorSection, type ScenarioParam } from "./catalogue";

/** How a number field treats an empty input: invalid, null ("none"), or left out. */
export type NumberWidget = "number" | "nullableNumber" | "optionalNumber";

export interface EditorField {
  /** The catalogue pattern ("costs.cdnUsdPerGB", "devices.#.device.ramGB"). */
  pattern: string;
  place: EditorPlace;
  /** "custom": the section draws it by hand (a select). */
  widget: NumberWidget | "custom";
}

/** The widget follows from what the schema accepts, so the input and the validation agree. */
export function widgetOf(param: ScenarioParam): NumberWidget {
  if (param.optional) return "optionalNumber";
  return param.default === null ? "nullableNumber" : "number";
}

const BY_SECTION = new Map<EditorSection, EditorField[]>();
for (const [pattern, param] of Object.entries(SCENARIO_PARAMS)) {
  const place = param.editor;
  if (place === undefined) continue;
  const fields = BY_SECTION.get(place.section) ?? [];
  fields.push({ pattern, place, widget: place.custom ? "custom" : widgetOf(param) });
  BY_SECTION.set(place.section, fields);
}
for (const fields of BY_SECTION.values()) fields.sort((a, b) => a.place.order - b.place.order);

/** The section's fields in their order. */
export function editorFields(section: EditorSection): readonly EditorField[] {
  return BY_SECTION.get(section) ?? [];
}

/** The section's paths, for the fold that holds them to open on a problem. */
export function editorPaths(section: EditorSection): string[] {
  return editorFields(section).map((f) => f.pattern);
}
