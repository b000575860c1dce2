"use client";

import { formatCount } from "@/lib/format/numbers";
import { useEditor } from "./editor-context";
import { NumberField } from "./fields";

export function TrafficSection() {
  const { draft } = useEditor();
  const { traffic } = draft;
  const monthlyRequests = traffic.monthlyActiveUsers * traffic.requestsPerUserPerDay * traffic.activeDaysPerMonth;
  return (
    <details open className="editor-section">
      <summary>Traffic</summary>
      <div className="field-grid">
        <NumberField
          path={["traffic", "monthlyActiveUsers"]}
          label="Monthly active users"
          unit="users"
          step={1000}
          hint={`${formatCount(traffic.monthlyActiveUsers)} users`}
          testId="input-mau"
        />
        <NumberField path={["traffic", "requestsPerUserPerDay"]} label="Requests per user per day" unit="requests" step={1} />
        <NumberField path={["traffic", "activeDaysPerMonth"]} label="Active days per month" unit="days" />
        <NumberField path={["traffic", "monthlyGrowthPct"]} label="User growth" unit="%/month" step={0.5} />
        <NumberField path={["horizonMonths"]} label="Horizon" unit="months" step={12} />
      </div>
      <p className="note" data-testid="monthly-requests">
        Month 1: {formatCount(monthlyRequests)} requests.
      </p>
    </details>
  );
}
