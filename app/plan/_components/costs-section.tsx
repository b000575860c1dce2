"use client";

import { STRATEGY_ORDER } from "@/lib/plan-view/labels";
import { NumberField } from "./fields";
import { Fold } from "./fold";

export function CostsSection() {
  return (
    <Fold className="editor-section" title="Costs: set-up, infrastructure, model downloads" paths={["costs"]} testId="fold-costs">
      <p className="note">One-time engineering set-up and monthly infrastructure per strategy.</p>
      <div className="field-grid">
        {STRATEGY_ORDER.map((name) => (
          <NumberField key={`setup-${name}`} path={["costs", "setupUsd", name]} />
        ))}
        {STRATEGY_ORDER.map((name) => (
          <NumberField key={`infra-${name}`} path={["costs", "monthlyInfraUsd", name]} />
        ))}
        <NumberField path={["costs", "cdnUsdPerGB"]} />
        <NumberField path={["costs", "newInstallSharePerMonth"]} />
        <NumberField path={["costs", "modelUpdatesPerYear"]} />
      </div>
    </Fold>
  );
}
