/** /plan as the App Router floor (bench-plan-floor.ts): the planner's layout, a trivial page. */
import { FloorField } from "@/scripts/bench/plan-floor/floor-field";

export const dynamic = "force-dynamic";

export default function PlanPage() {
  return <FloorField />;
}
