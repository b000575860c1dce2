import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import "@/app/_components/plan/plan.css";

/** The planner keeps its state in the URL through nuqs, which needs its adapter above the page. */
export default function PlanLayout({ children }: { children: ReactNode }) {
  return <NuqsAdapter>{children}</NuqsAdapter>;
}
