/** /plan as the Pages Router floor (bench-plan-floor.ts): the site's frame (pages/_app.tsx), React hydrated, a trivial page. */
import { FloorField } from "@/scripts/bench/plan-floor/floor-field";

export default function PlanPage() {
  return <FloorField />;
}

export async function getServerSideProps() {
  return { props: {} };
}
