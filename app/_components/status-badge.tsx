/** measured / claimed / estimated, the same colour everywhere a number is shown. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{status}</span>;
}
