/** In words, what a latency budget bounds (the editor and the constraint levers say it alike). */
import type { Scenario } from "@/lib/schemas/scenario";

export function latencyTargetWords(scenario: Scenario): string {
  return scenario.constraints.latencyTarget === "firstToken" ? "the first token" : "the whole response";
}
