"use client";

import { CatalogueFields } from "./catalogue-fields";
import { Fold } from "./fold";

export function CostsSection() {
  return (
    <Fold className="editor-section" title="Costs: set-up, infrastructure, model downloads" paths={["costs"]} testId="fold-costs">
      <p className="note">One-time engineering set-up and monthly infrastructure per strategy.</p>
      <div className="field-grid">
        <CatalogueFields section="costs" />
      </div>
    </Fold>
  );
}
