/** What each plausibility check tests, in words for headings and lists. */
export const CHECK_NAMES: Record<string, string> = {
  "bandwidth-bound": "Decode within the memory-bandwidth bound",
  "bits-per-parameter": "File size per parameter",
  "energy-per-token": "Energy per token",
  "battery-drain": "Battery drain a phone can sustain",
  "cost-total": "Cost total follows from its own prices",
  "model-fact": "What the document says the model is",
  "conflicting-figures": "The same model's score across sources",
};

export function checkName(check: string): string {
  return CHECK_NAMES[check] ?? check;
}
