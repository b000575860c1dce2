export * from "./sources";
export * from "./catalog";
export * from "./runs";
export * from "./prices";
export * from "./scenarios";
export * from "./claims";
export * from "./learning";
