"use client";
/**
 * The floor page's one interactive part (bench-plan-floor.ts): the field and the figure
 * bench-plan-load.ts types into and watches, by the planner's test ids, and nothing else.
 */
import { useState } from "react";

export function FloorField() {
  const [mau, setMau] = useState("250000");
  return (
    <>
      <h1>Plan</h1>
      <label>
        Monthly active users <input data-testid="input-mau" value={mau} onChange={(e) => setMau(e.target.value)} />
      </label>
      <p data-testid="rec-tco">${(Number(mau.replace(/[^0-9]/g, "")) * 0.12).toFixed(2)}</p>
    </>
  );
}
