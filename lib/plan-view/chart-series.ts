/** Every chart's series of a plan, as the plan view draws them. */
import type { Plan } from "@/lib/model";
import { batterySeries } from "./battery";
import { coverageSeries } from "./coverage";
import { cumulativeTcoSeries } from "./cumulative-tco";
import { latencySeries } from "./latency";
import { monthlyCostSeries } from "./monthly-cost";
import { tcoByMauSeries } from "./tco-by-mau";
import { tornadoSeries } from "./tornado";

export function planChartSeries(plan: Plan) {
  return {
    monthly: monthlyCostSeries(plan),
    cumulative: cumulativeTcoSeries(plan),
    byMau: tcoByMauSeries(plan),
    tornado: tornadoSeries(plan),
    latency: latencySeries(plan),
    battery: batterySeries(plan),
    coverage: coverageSeries(plan),
  };
}
