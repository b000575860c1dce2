/**
 * A quantized file holds at least ~1.5 bits per parameter (the most aggressive
 * practical schemes, IQ1/ternary, sit at 1.56–1.75): a smaller file for a model
 * of that size is a mislabelled model or a wrong figure.
 */
import { finding, num, type Finding } from "./finding";

export const MIN_BITS_PER_PARAMETER = 1.5;

export function bitsPerParameter(sizeGB: number, paramsB: number): number {
  // GB·8e9 bits ÷ (B·1e9 parameters)
  return (sizeGB * 8) / paramsB;
}

export function checkBitsPerParameter(input: { sizeGB: number; paramsB: number }): Finding {
  const bits = bitsPerParameter(input.sizeGB, input.paramsB);
  const ok = bits >= MIN_BITS_PER_PARAMETER;
  const what = `${num(input.sizeGB * 1000, 0)} MB for ${num(input.paramsB)}B parameters is ${num(bits)} bits per parameter`;
  return finding(
    "bits-per-parameter",
    ok,
    ok ? what : `${what}, below the ${MIN_BITS_PER_PARAMETER} bits no quantization reaches`,
  );
}
