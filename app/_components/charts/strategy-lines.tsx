/**
 * The strategies as lines of a LineChart whose rows hold each strategy's value under its
 * name (cloudOnly, hybrid, edgeOnly): in the legend's order, named and coloured as in
 * every other chart and table.
 */
import { Line } from "recharts";
import type { StrategyName } from "@/lib/model";
import { STRATEGY_LABELS, STRATEGY_ORDER } from "@/lib/plan-view/labels";
import { strategyColors } from "./palette";

/** `dashed`: strategies drawn dashed, where a line would hide under another one. */
export function strategyLines({ dashed = [] }: { dashed?: readonly StrategyName[] } = {}) {
  return STRATEGY_ORDER.map((name) => (
    <Line
      key={name}
      dataKey={name}
      name={STRATEGY_LABELS[name]}
      stroke={strategyColors[name]}
      strokeWidth={2}
      strokeDasharray={dashed.includes(name) ? "6 3" : undefined}
      dot={false}
      isAnimationActive={false}
    />
  ));
}
