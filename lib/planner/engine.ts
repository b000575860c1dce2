/**
 * What the planner computes with the engine, in one module the page loads after it
 * paints (app/plan/_components/deferred-modules.ts): the page's first render shows the
 * plan the server computed, so the engine is not part of its first load.
 */
export { planScenario } from "@/lib/model";
export { constraintLevers } from "./constraint-levers";
