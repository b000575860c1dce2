/** A label cut to `max` characters with an ellipsis, for an axis; the tooltip keeps the whole name. */
export function truncateLabel(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
