/**
 * One number to compare prices by: USD per 1M tokens of a traffic mix of
 * `inputParts` input tokens to `outputParts` output tokens (3:1 by default, a
 * common chat mix). Null when the input price is unknown.
 */
export interface BlendRatio {
  inputParts: number;
  outputParts: number;
}

export const DEFAULT_BLEND: BlendRatio = { inputParts: 3, outputParts: 1 };

export function blendedUsdPerMTok(
  inputUsdPerMTok: number | null,
  outputUsdPerMTok: number,
  ratio: BlendRatio = DEFAULT_BLEND,
): number | null {
  if (inputUsdPerMTok === null) return null;
  const parts = ratio.inputParts + ratio.outputParts;
  return (ratio.inputParts * inputUsdPerMTok + ratio.outputParts * outputUsdPerMTok) / parts;
}
