/** Axis labels cut to a width a chart can show; the full name goes to the tooltip. */
export function shortLabel(name: string, maxChars = 22): string {
  return name.length > maxChars ? `${name.slice(0, maxChars - 1).trimEnd()}…` : name;
}
