"use client";

/** The price-against-quality chart, loaded after the page paints: the table comes first. */
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "@/app/_lazy/chart-placeholder";

export const LazyPriceQualityChart = dynamic(() => import("./price-quality-chart").then((m) => m.PriceQualityChart), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});
