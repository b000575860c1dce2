/**
 * CSV cells a spreadsheet would run as a formula: text starting with =, +, -, @,
 * a tab or a carriage return gets a leading apostrophe (OWASP's "CSV injection"
 * advice), so `=HYPERLINK(…)` in a device name stays text. Plain numbers
 * ("-12.5", "+3", "1e-3", "-4 %") are left as they are: they run nothing.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d[\d,]*)?(\.\d+)?([eE][-+]?\d+)?\s?%?$/;

export function escapeFormulaCell(value: string): string {
  if (!FORMULA_START.test(value)) return value;
  if (/\d/.test(value) && PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
