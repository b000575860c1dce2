/**
 * The one place a scenario problem becomes words for the person editing it: zod's
 * issues and the dataset's unknown ids, said with the field's label and in the
 * units the editor shows ("Monthly active users can't be negative", "Tier shares
 * add up to 60%; they must add up to 100%"), never as a schema path.
 */
import type { z } from "zod";
import { fieldLabel, withUnit } from "./field-labels";
import { fractionFormat } from "@/lib/format/en-us-digits";

/** A located problem, its path kept so the editor can show it at its field. */
export interface WordedIssue {
  path: string;
  message: string;
}

// Written by its digits (no Intl.NumberFormat): see lib/format/en-us-digits.ts.
const figure = fractionFormat(0, 4);

function amount(value: number | bigint, path: string): string {
  const { unit, scale = 1 } = fieldLabel(path);
  return withUnit(figure(Number(value) * scale), unit);
}

function sumOf(input: unknown, key: "tiers" | "devices"): number | null {
  if (typeof input !== "object" || input === null) return null;
  const list = (input as Record<string, unknown>)[key];
  if (!Array.isArray(list)) return null;
  let sum = 0;
  for (const entry of list) {
    const share = (entry as { share?: unknown } | null)?.share;
    if (typeof share !== "number") return null;
    sum += share;
  }
  return sum;
}

/** Enum values as the editor names them. */
const VALUE_WORDS: Record<string, string> = {
  firstToken: "the first token",
  fullResponse: "the whole response",
  cloudOnly: "cloud-only",
  edgeOnly: "edge-only",
};

function valueWords(value: unknown): string {
  const text = String(value);
  return VALUE_WORDS[text] ?? text.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

const percent = (share: number) => `${figure(Math.round(share * 1000) / 10)}%`;

/** The schema's own checks across fields (shares, duplicates), said in the editor's terms. */
function customWords(issue: z.core.$ZodIssue, path: string, label: string, input: unknown): string {
  if (path === "tiers") {
    const sum = sumOf(input, "tiers");
    return sum === null ? "Tier shares must add up to 100%" : `Tier shares add up to ${percent(sum)}; they must add up to 100%`;
  }
  if (path === "devices") {
    const sum = sumOf(input, "devices");
    return sum === null ? "Phone shares can add up to 100% at most" : `Phone shares add up to ${percent(sum)}; they can add up to 100% at most`;
  }
  if (/duplicate tier/.test(issue.message)) return `${label}: another tier has the same name`;
  if (/duplicate device/.test(issue.message)) return `${label} is listed twice`;
  if (/reserved/.test(issue.message)) return `${label}: "other" is kept for the phones that run no edge model`;
  return `${label}: ${issue.message}`;
}

export function wordsForZodIssue(issue: z.core.$ZodIssue, input?: unknown): WordedIssue {
  const path = issue.path.map(String).join(".");
  const { label } = fieldLabel(path);
  let message: string;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") message = `${label} can't be empty`;
      else if (issue.origin === "array") message = `${label}: add at least ${issue.minimum}`;
      else if (Number(issue.minimum) === 0 && issue.inclusive) message = `${label} can't be negative`;
      else if (Number(issue.minimum) === 0) message = `${label} must be more than 0`;
      else message = `${label} must be at least ${amount(issue.minimum, path)}`;
      break;
    case "too_big":
      if (issue.origin === "string") message = `${label} is too long (${issue.maximum} characters at most)`;
      else if (issue.origin === "array") message = `${label}: ${issue.maximum} at most`;
      else message = `${label} can be ${amount(issue.maximum, path)} at most`;
      break;
    case "invalid_type":
      message =
        issue.expected === "int"
          ? `${label} must be a whole number`
          : issue.expected === "number"
            ? `${label} must be a number`
            : issue.expected === "string"
              ? `${label} must be text`
              : `${label} is missing or has the wrong kind of value`;
      break;
    case "not_multiple_of":
      message = `${label} must be a whole number`;
      break;
    case "invalid_value":
      message = `${label} must be ${issue.values.map(valueWords).join(" or ")}`;
      break;
    case "unrecognized_keys":
      message = `${path ? `${label} has` : "The scenario has"} fields this planner does not know: ${issue.keys.join(", ")}`;
      break;
    case "invalid_union":
      message = `${label} must be a dataset id or a complete custom entry`;
      break;
    case "custom":
      message = customWords(issue, path, label, input);
      break;
    case "invalid_format":
      // The schema's own patterns say what they want in words ("must not contain control characters").
      message = issue.message.startsWith("must ") ? `${label} ${issue.message}` : `${label} is not valid`;
      break;
    default:
      message = `${label} is not valid`;
  }
  return { path, message };
}

/** What a number field says while its text is not a number yet. */
export function wordsForTypo(label: string, mayBeEmpty: boolean): string {
  return `${label} isn't a number${mayBeEmpty ? " (or leave it empty)" : ""}`;
}

/**
 * zod's issues, each at the field it concerns: a ref (a dataset id or an inline entry)
 * whose inline entry has a field of the wrong kind fails as a whole ("invalid_union" at
 * the ref); when only the inline option got past its own type, its issues are the ones
 * meant, at their own paths ("Phone 1's RAM must be a number", not "Phone 1 …").
 */
export function locatedIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union") return [issue];
    const deeper = issue.errors.filter((option) => option.some((inner) => inner.path.length > 0));
    if (deeper.length !== 1) return [issue];
    return locatedIssues(deeper[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue));
  });
}

export function wordsForZodError(error: z.ZodError, input?: unknown): WordedIssue[] {
  return locatedIssues(error.issues).map((issue) => wordsForZodIssue(issue, input));
}

/** An id the dataset lacks ("unknown price \"x\"" from the engine), said as where it is missing. */
export function wordsForUnknownReference(issue: WordedIssue): WordedIssue {
  const { label } = fieldLabel(issue.path);
  const id = /"(.*)"/.exec(issue.message)?.[1];
  const where = issue.path.startsWith("cloud") ? "the price list" : "the dataset";
  return { path: issue.path, message: id ? `${label}: “${id}” is not in ${where}` : `${label} is not in ${where}` };
}
