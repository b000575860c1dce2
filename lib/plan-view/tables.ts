/**
 * The plan's numbers as tables of display strings: the table view renders them
 * and the CSV and Markdown exports write the very same cells, so an export always
 * matches what is on screen.
 */
import { formatCount, formatFigure, formatMonth, formatMs, formatPct, formatShare, formatTokensPerSec, formatUsdExact, formatUsdPrecise, formatWatts, formatWholeCount, readableNumbers } from "@/lib/format/numbers";
import type { Plan, StrategyName } from "@/lib/model";
import { inputLabel } from "./input-labels";
import { coverageSeries, COVERAGE_LABELS, COVERAGE_SEGMENTS } from "./coverage";
import { formatUsdDelta, tornadoSeries } from "./tornado";
import { COST_PART_LABELS, COST_PARTS, OTHER_DEVICE_ID, OTHER_DEVICE_LABEL, STRATEGY_LABELS, STRATEGY_ORDER } from "./labels";

export interface TableColumn {
  label: string;
  numeric: boolean;
}

export interface PlanTable {
  id: string;
  title: string;
  columns: TableColumn[];
  rows: string[][];
}

const text = (label: string): TableColumn => ({ label, numeric: false });
const num = (label: string): TableColumn => ({ label, numeric: true });
const strategyColumns = STRATEGY_ORDER.map((s) => num(STRATEGY_LABELS[s]));

function perStrategy(plan: Plan, cell: (name: StrategyName) => string): string[] {
  return STRATEGY_ORDER.map(cell);
}

function withStatus(value: string, status: string | null): string {
  return status === null || value === "–" ? value : `${value} (${status})`;
}

export function strategyTable(plan: Plan): PlanTable {
  const s = plan.strategies;
  const H = plan.horizonMonths;
  const nameOf = new Map(plan.devices.map((d) => [d.deviceId, d.name]));
  return {
    id: "strategies",
    title: "Strategies",
    columns: [text("Figure"), ...strategyColumns],
    rows: [
      ["Recommended", ...perStrategy(plan, (n) => (plan.recommendation.strategy === n ? "yes" : ""))],
      [`${H}-month TCO`, ...perStrategy(plan, (n) => formatUsdExact(s[n].tcoUsd))],
      ["Set-up", ...perStrategy(plan, (n) => formatUsdExact(s[n].setupUsd))],
      ...COST_PARTS.map((part) => [
        `${COST_PART_LABELS[part]}, ${H} months`,
        ...perStrategy(plan, (n) => formatUsdExact(s[n].monthly.reduce((sum, m) => sum + m[part], 0))),
      ]),
      ["Month 1 cost", ...perStrategy(plan, (n) => formatUsdExact(s[n].monthly[0]?.totalUsd))],
      [`Month ${H} cost`, ...perStrategy(plan, (n) => formatUsdExact(s[n].monthly[H - 1]?.totalUsd))],
      ["Cost per 1,000 requests", ...perStrategy(plan, (n) => formatUsdPrecise(s[n].costPer1kRequestsUsd))],
      ["Requests on the edge", ...perStrategy(plan, (n) => formatShare(s[n].edgeShare))],
      ["Requests unserved", ...perStrategy(plan, (n) => formatShare(s[n].unservedShare))],
      ["Break-even vs cloud-only", ...perStrategy(plan, (n) => (n === "cloudOnly" ? "–" : formatMonth(s[n].breakEvenMonth)))],
      ["Feasible", ...perStrategy(plan, (n) => (s[n].feasible ? "yes" : `no: ${s[n].infeasibleReasons.join("; ")}`))],
      [`Mean quality (${plan.qualityMetric})`, ...perStrategy(plan, (n) => (s[n].meanQuality === null ? "unknown" : formatPct(s[n].meanQuality)))],
      [
        "Devices that get the model",
        ...perStrategy(plan, (n) => s[n].shippedDeviceIds.map((id) => nameOf.get(id) ?? id).join(", ") || "none"),
      ],
    ],
  };
}

export function monthlyTable(plan: Plan): PlanTable {
  const { cloudOnly, hybrid, edgeOnly } = plan.strategies;
  return {
    id: "monthly",
    title: "Monthly cost",
    columns: [
      num("Month"),
      num("Requests"),
      ...STRATEGY_ORDER.map((n) => num(`${STRATEGY_LABELS[n]} $/month`)),
      ...STRATEGY_ORDER.map((n) => num(`${STRATEGY_LABELS[n]} cumulative`)),
    ],
    rows: cloudOnly.monthly.map((m, i) => {
      const rows = [cloudOnly.monthly[i], hybrid.monthly[i], edgeOnly.monthly[i]];
      return [
        String(m.month),
        formatWholeCount(m.requests),
        ...rows.map((r) => formatUsdExact(r?.totalUsd)),
        ...rows.map((r) => formatUsdExact(r?.cumulativeUsd)),
      ];
    }),
  };
}

export function deviceTable(plan: Plan): PlanTable {
  const ships = new Set(plan.strategies.hybrid.shippedDeviceIds);
  const batteryOf = new Map(plan.battery.map((b) => [b.deviceId, b]));
  return {
    id: "devices",
    title: "Device classes",
    columns: [
      text("Device"),
      num("Users"),
      text("Runs the model"),
      num("Decode"),
      num("Sustained decode"),
      num("First token"),
      num("Power"),
      num("Battery %/user-day, all on edge"),
      num("Battery %/user-day, hybrid"),
      text("Hybrid ships"),
    ],
    rows: plan.devices.map((d) => {
      const battery = batteryOf.get(d.deviceId);
      return [
        d.name,
        formatShare(d.share),
        d.plannable ? "yes" : `no: ${d.reason ?? "cannot run the model"}`,
        withStatus(formatTokensPerSec(d.decodeTokensPerSec), d.speedStatus),
        d.throttlePct > 0 ? `${formatTokensPerSec(d.sustainedDecodeTokensPerSec)} (−${formatFigure(d.throttlePct)}%)` : "no throttling figure",
        withStatus(formatMs(d.ttftMs), d.ttftStatus),
        withStatus(formatWatts(d.powerW), d.powerStatus),
        battery?.pctPerUserDay === null || battery === undefined ? "unknown" : formatPct(battery.pctPerUserDay),
        battery?.hybridPctPerUserDay === null || battery === undefined ? "unknown" : formatPct(battery.hybridPctPerUserDay),
        ships.has(d.deviceId) ? "yes" : "no",
      ];
    }),
  };
}

export function routingTable(plan: Plan): PlanTable {
  const nameOf = new Map(plan.devices.map((d) => [d.deviceId, d.name]));
  const figuresOf = new Map(plan.devices.map((d) => [d.deviceId, new Map(d.tiers.map((t) => [t.tierId, t]))]));
  const cloudLatency = new Map(plan.tiers.map((t) => [t.tierId, t.cloudLatencyMs]));
  return {
    id: "routing",
    title: "Latency and routing (hybrid)",
    columns: [
      text("Tier"),
      text("Device"),
      num("Share of requests"),
      num("Edge latency, burst"),
      num("Edge latency, sustained"),
      num("Cloud latency"),
      text("Hybrid sends it to"),
      text("Why"),
    ],
    rows: plan.strategies.hybrid.cells.map((cell) => {
      const figures = figuresOf.get(cell.deviceId)?.get(cell.tierId);
      return [
        cell.tierId,
        cell.deviceId === OTHER_DEVICE_ID ? OTHER_DEVICE_LABEL : (nameOf.get(cell.deviceId) ?? cell.deviceId),
        formatShare(cell.requestShare),
        formatMs(figures?.burstLatencyMs),
        formatMs(figures?.sustainedLatencyMs),
        formatMs(cloudLatency.get(cell.tierId)),
        cell.target,
        cell.reason,
      ];
    }),
  };
}

export function coverageTable(plan: Plan): PlanTable {
  const coverage = coverageSeries(plan);
  return {
    id: "coverage",
    title: "Coverage",
    columns: [text("Users whose phone…"), num("Share of users"), text("Device classes")],
    rows: COVERAGE_SEGMENTS.map((segment) => [
      COVERAGE_LABELS[segment],
      formatShare(coverage.row[segment]),
      coverage.members[segment].join(", ") || "–",
    ]),
  };
}

export function tcoByMauTable(plan: Plan): PlanTable {
  const crossover = plan.sensitivity.crossoverMonthlyActiveUsers;
  return {
    id: "tco-by-mau",
    title: `${plan.horizonMonths}-month TCO by monthly active users`,
    columns: [num("Monthly active users"), ...strategyColumns, text("Note")],
    rows: plan.sensitivity.tcoByMonthlyActiveUsers.map((p) => [
      formatCount(p.monthlyActiveUsers),
      formatUsdExact(p.cloudOnly),
      formatUsdExact(p.hybrid),
      formatUsdExact(p.edgeOnly),
      [
        p.monthlyActiveUsers === plan.inputs["traffic.monthlyActiveUsers"]?.value ? "this scenario" : "",
        p.monthlyActiveUsers === crossover ? "hybrid = cloud-only" : "",
      ]
        .filter(Boolean)
        .join("; "),
    ]),
  };
}

/** The tornado's numbers: every input the engine moved (those without effect too), largest swing first. */
export function tornadoTable(plan: Plan): PlanTable {
  const tornado = tornadoSeries(plan);
  return {
    id: "tornado",
    title: `Sensitivity: hybrid savings vs cloud-only (${formatUsdExact(tornado.baseSavingsUsd)} as entered), each input ±25%`,
    columns: [
      text("Input"),
      num("Input −25%"),
      num("As entered"),
      num("Input +25%"),
      num("Savings at −25%"),
      num("Savings at +25%"),
      num("Change at −25%"),
      num("Change at +25%"),
      num("Swing"),
    ],
    rows: tornado.rows.map((r) => [
      r.label,
      r.lowText,
      r.baseText,
      r.highText,
      formatUsdExact(r.savingsAtLowUsd),
      formatUsdExact(r.savingsAtHighUsd),
      formatUsdDelta(r.lowDeltaUsd),
      formatUsdDelta(r.highDeltaUsd),
      r.moves ? formatUsdExact(r.swingUsd) : "no effect",
    ]),
  };
}

/** A value as the table shows it: fractions as percentages ("0.6 fraction" reads "60%"). */
function inputValueCells(value: number | string | null, unit: string): [string, string] {
  if (value === null) return ["–", unit];
  if (typeof value === "string") return [value, unit];
  if (unit === "fraction") return [formatShare(value), ""];
  if (unit === "fraction/month") return [formatShare(value), "per month"];
  return [formatFigure(value), unit];
}

/** Every value the plan used, named as the editor names it, with its status and source. */
export function inputsTable(plan: Plan): PlanTable {
  // A phone is listed by its name; its id is the key the dataset knows it by.
  const phoneNames = new Map(plan.devices.map((d) => [`devices.${d.deviceId}`, d.name]));
  return {
    id: "inputs",
    title: "Data used",
    columns: [text("Input"), num("Value"), text("Unit"), text("Status"), text("Source")],
    rows: Object.entries(plan.inputs).map(([path, input]) => [
      inputLabel(path, plan),
      ...(phoneNames.has(path) ? [phoneNames.get(path)!, ""] : inputValueCells(input.value, input.unit)),
      input.status,
      readableNumbers(input.note ? `${input.source} (${input.note})` : input.source),
    ]),
  };
}

export function planTables(plan: Plan): PlanTable[] {
  return [
    strategyTable(plan),
    monthlyTable(plan),
    deviceTable(plan),
    routingTable(plan),
    coverageTable(plan),
    tcoByMauTable(plan),
    tornadoTable(plan),
    inputsTable(plan),
  ];
}
