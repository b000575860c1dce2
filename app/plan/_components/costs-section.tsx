"use client";

import { STRATEGY_LABELS, STRATEGY_ORDER } from "@/lib/plan-view/labels";
import { NumberField } from "./fields";
import { Fold } from "./fold";

export function CostsSection() {
  return (
    <Fold className="editor-section" title="Costs: set-up, infrastructure, model downloads" paths={["costs"]} testId="fold-costs">
      <p className="note">One-time engineering set-up and monthly infrastructure per strategy.</p>
      <div className="field-grid">
        {STRATEGY_ORDER.map((name) => (
          <NumberField key={`setup-${name}`} path={["costs", "setupUsd", name]} label={`Set-up, ${STRATEGY_LABELS[name]}`} unit="USD" step={1000} />
        ))}
        {STRATEGY_ORDER.map((name) => (
          <NumberField key={`infra-${name}`} path={["costs", "monthlyInfraUsd", name]} label={`Infrastructure, ${STRATEGY_LABELS[name]}`} unit="USD/month" step={10} />
        ))}
        <NumberField path={["costs", "cdnUsdPerGB"]} label="CDN egress" unit="USD/GB" step={0.01} />
        <NumberField path={["costs", "newInstallSharePerMonth"]} label="New installs" unit="% of users/month" scale={100} />
        <NumberField path={["costs", "modelUpdatesPerYear"]} label="Model updates" unit="per year" />
      </div>
    </Fold>
  );
}
