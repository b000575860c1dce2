/** The room a chart takes while its code (Recharts) loads after the page has painted. */
export function ChartPlaceholder({ height = 340 }: { height?: number }) {
  return <div className="chart chart-loading" style={{ minHeight: height }} aria-busy="true" aria-label="Loading the chart" />;
}
