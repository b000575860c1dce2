/** The cost engine's public surface. */
export { planScenario, planResolved, type PlanOptions } from "./plan";
export { resolveScenario, type ResolvedScenario } from "./resolve";
export { UnknownReferenceError, isUnknownReferenceError, type ReferenceIssue } from "./errors";
export { snapshotForScenario } from "./snapshot-subset";
export type * from "./plan-types";
export { BLOCK_LABELS, STRATEGY_LABELS } from "./labels";
