"use client";

/** The home page's bar chart, loaded after the page paints: the page's first load carries no chart library. */
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "./chart-placeholder";

export const LazyGroupedBarChart = dynamic(() => import("../_components/grouped-bar-chart").then((m) => m.GroupedBarChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={360} />,
});
