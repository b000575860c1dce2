/**
 * The recommendation in words, above the charts: one sentence with the strategy,
 * the mix, the savings and the payback, then what binds. Built from the plan's
 * numbers only, so the sentence and the table can never disagree.
 */
import { formatMonth, formatShare, formatUsd } from "@/lib/format/numbers";
import type { Plan } from "@/lib/model";
import { BLOCK_LABELS, STRATEGY_LABELS } from "./labels";
import type { ScenarioLabels } from "./scenario-labels";

export interface RecommendationSummary {
  /** The one-sentence answer. */
  headline: string;
  /** Figures shown as tiles beside it. */
  figures: { label: string; value: string; testId: string }[];
  /** What keeps more of the traffic off the edge, in words; null when nothing does. */
  binding: string | null;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function recommendationSummary(plan: Plan, labels: ScenarioLabels): RecommendationSummary {
  const rec = plan.recommendation;
  const chosen = plan.strategies[rec.strategy];
  const years = plan.horizonMonths % 12 === 0 ? `${plan.horizonMonths / 12}-year` : `${plan.horizonMonths}-month`;
  const nameOf = new Map(plan.devices.map((d) => [d.deviceId, d.name]));
  const shipped = chosen.shippedDeviceIds.map((id) => nameOf.get(id) ?? id);

  let headline: string;
  if (rec.strategy === "cloudOnly") {
    headline = `Stay cloud-only on ${labels.priceName}: ${years} TCO ${formatUsd(rec.tcoUsd)}.`;
    const hybrid = plan.strategies.hybrid;
    if (hybrid.edgeShare > 0) {
      headline += ` A hybrid would cost ${formatUsd(hybrid.tcoUsd)}${hybrid.breakEvenMonth === null ? " and never pays back" : ""} within the horizon.`;
    }
  } else {
    const where = shipped.length > 0 ? ` on ${joinNames(shipped)}` : "";
    const verb = rec.strategy === "hybrid" ? "Go hybrid" : "Go edge-only";
    const rest = rec.strategy === "hybrid" ? `, the rest on ${labels.priceName}` : "";
    headline =
      `${verb}: run ${labels.variantName}${where} (${formatShare(rec.edgeShare)} of requests on the phone)${rest}. ` +
      `${years} TCO ${formatUsd(rec.tcoUsd)}, saving ${formatUsd(rec.savingsUsd)} (${formatShare(rec.savingsVsCloudOnlyPct / 100)}) ` +
      `against cloud-only; ${rec.breakEvenMonth === null ? "it does not pay back within the horizon" : `pays back in ${formatMonth(rec.breakEvenMonth)}`}.`;
  }

  // The bill of the recommended strategy as it is paid: the first month and the last of the horizon.
  const first = chosen.monthly[0];
  const last = chosen.monthly[chosen.monthly.length - 1];
  const binding = rec.bindingConstraint === null ? null : BLOCK_LABELS[rec.bindingConstraint];
  return {
    headline,
    binding,
    figures: [
      { label: "Recommended", value: STRATEGY_LABELS[rec.strategy], testId: "rec-strategy" },
      { label: "Bill, month 1", value: formatUsd(first?.totalUsd ?? Number.NaN), testId: "rec-month-first" },
      { label: `Bill, month ${plan.horizonMonths}`, value: formatUsd(last?.totalUsd ?? Number.NaN), testId: "rec-month-last" },
      { label: `${years} TCO`, value: formatUsd(rec.tcoUsd), testId: "rec-tco" },
      {
        label: "Saves vs cloud",
        value: rec.strategy === "cloudOnly" ? "–" : `${formatUsd(rec.savingsUsd)} (${formatShare(rec.savingsVsCloudOnlyPct / 100)})`,
        testId: "rec-savings",
      },
      { label: "Break-even", value: rec.strategy === "cloudOnly" ? "–" : formatMonth(rec.breakEvenMonth), testId: "rec-break-even" },
      { label: "On the edge", value: formatShare(rec.edgeShare), testId: "rec-edge-share" },
    ],
  };
}
