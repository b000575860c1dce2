/**
 * Mixture-of-experts models read only their active parameters per token, so
 * the bandwidth bound and speed estimates need to know them. Recognised from:
 *   - "MoE" in llama.cpp's model_type ("gpt-oss 20B MXFP4 MoE") or a *moe architecture;
 *   - a "35B-A3B" / "35B.A3B" size (total and active billions in the name);
 *   - a family known to be MoE (gpt-oss), whose active parameters the table below holds.
 */

/**
 * Active parameters (billions) of MoE models whose names do not say them. Source:
 * NVIDIA NeMo Microservices 25.9.0, "GPT-OSS Models"
 * (https://docs.nvidia.com/nemo/microservices/25.9.0/fine-tune/models/gpt-oss.html),
 * "Parameters" rows: GPT-OSS 20B "21B parameters (3.6B active parameters)",
 * GPT-OSS 120B "117B parameters (5.1B active parameters)".
 */
const KNOWN_ACTIVE_PARAMS_B: Record<string, number> = {
  "gpt-oss-20b": 3.6,
  "gpt-oss-120b": 5.1,
};

export interface MoeFacts {
  moe: boolean;
  activeParamsB?: number;
}

/** `id` is the dataset's model id ("gpt-oss-20b", "qwen3.5-35b-a3b"); `label` any text naming it (model_type, file name). */
export function moeFacts(id: string, ...labels: (string | undefined)[]): MoeFacts {
  const key = id.toLowerCase();
  const known = KNOWN_ACTIVE_PARAMS_B[key];
  if (known !== undefined) return { moe: true, activeParamsB: known };
  const active = /\d(?:\.\d+)?b[-._]a(\d+(?:\.\d+)?)b(?:\b|[-_])/i.exec(`${key} `);
  if (active) return { moe: true, activeParamsB: Number(active[1]) };
  const text = labels.filter(Boolean).join(" ");
  const moe = /\bmoe\b/i.test(text) || /^\S*moe\s/i.test(text) || key.startsWith("gpt-oss");
  return { moe };
}
