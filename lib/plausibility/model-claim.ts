/**
 * What a document says a model is, against the dataset's facts about it (from the
 * model's card or technical report): an article calling a dense model a mixture of
 * experts, or giving it another size, is wrong about that model or means another one.
 */
import { finding, num, type Finding } from "./finding";

/** Parameter counts within this share of each other are the same size (rounding, "7B" for 7.6B). */
export const PARAMS_TOLERANCE = 0.15;

export interface ModelClaim {
  architecture?: "dense" | "moe";
  paramsB?: number;
  activeParamsB?: number;
}

export interface ModelFacts {
  name: string;
  architecture: "dense" | "moe" | null;
  paramsB: number | null;
  activeParamsB: number | null;
  /** Where the dataset's facts come from. */
  source: string;
}

const architectureWords = { dense: "a dense transformer", moe: "a mixture-of-experts model" } as const;

/** One finding per fact the claim states and the dataset knows; nothing for facts either side lacks. */
export function checkModelClaim(claim: ModelClaim, facts: ModelFacts, claimedBy: string): Finding[] {
  const findings: Finding[] = [];
  if (claim.architecture && facts.architecture) {
    const ok = claim.architecture === facts.architecture;
    const said = `${claimedBy} calls ${facts.name} ${architectureWords[claim.architecture]}`;
    findings.push(
      finding("model-fact", ok, ok ? `${said}, as ${facts.source} does` : `${said}; ${facts.source} says it is ${architectureWords[facts.architecture]}`),
    );
  }
  for (const field of ["paramsB", "activeParamsB"] as const) {
    const stated = claim[field];
    const known = facts[field];
    if (stated === undefined || known === null) continue;
    const ok = Math.abs(stated - known) <= PARAMS_TOLERANCE * known;
    const what = field === "paramsB" ? "parameters" : "active parameters";
    findings.push(
      finding(
        "model-fact",
        ok,
        `${claimedBy} gives ${facts.name} ${num(stated)}B ${what}; ${facts.source} says ${num(known)}B${ok ? "" : `, more than ${num(PARAMS_TOLERANCE * 100, 0)} % apart`}`,
      ),
    );
  }
  return findings;
}
