"use client";

/**
 * The benchmark charts, loaded after the page paints (Recharts and its d3 stack are
 * most of a chart page's JavaScript): the filters and the table come first.
 */
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "@/app/_lazy/chart-placeholder";

const loading = () => <ChartPlaceholder />;

export const BestFigureChart = dynamic(() => import("./best-figure-chart").then((m) => m.BestFigureChart), { ssr: false, loading });
export const EnergyBars = dynamic(() => import("./energy-bars").then((m) => m.EnergyBars), { ssr: false, loading });
export const MemoryScatter = dynamic(() => import("./memory-scatter").then((m) => m.MemoryScatter), { ssr: false, loading });
export const RooflineChart = dynamic(() => import("./roofline-chart").then((m) => m.RooflineChart), { ssr: false, loading });
