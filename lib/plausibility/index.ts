/** Plausibility checks: pure functions that say whether a figure can be true, and why. */
export * from "./finding";
export * from "./bandwidth-bound";
export * from "./bits-per-parameter";
export * from "./energy";
export * from "./cost-total";
export * from "./model-claim";
export * from "./conflicting-figures";
export * from "./inferred-size";
export * from "./check-names";
