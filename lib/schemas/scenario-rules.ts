/**
 * The scenario rules that are plain functions and numbers, apart from the zod
 * schema (scenario.ts re-exports them): the engine and the planner's editor
 * import them from here, so that a page planning in the browser needs no zod
 * until someone edits.
 */
import type { DeviceRef } from "./scenario";

/** 1 + this is the largest sum of shares accepted as "1": shares are typed by people. */
export const SHARE_SUM_TOLERANCE = 1e-9;

/** Σ of the entries' shares: the tiers' must be 1, the phones' at most 1. */
export function shareSum(entries: readonly { share: number }[]): number {
  return entries.reduce((sum, e) => sum + e.share, 0);
}

/** Whether the tier shares' sum counts as 1. */
export function tierSharesBalanced(sum: number): boolean {
  return Math.abs(sum - 1) <= SHARE_SUM_TOLERANCE;
}

/** Whether the phones' shares' sum counts as at most 1. */
export function deviceSharesFit(sum: number): boolean {
  return sum <= 1 + SHARE_SUM_TOLERANCE;
}

/** The users on none of the listed phones: the cloud serves them. */
export function otherUsersShare(devices: readonly { share: number }[]): number {
  return Math.max(0, 1 - shareSum(devices));
}

/** The key a device class is reported under: its dataset id, or the inline id, else name. */
export function deviceKeyOf(ref: DeviceRef): string {
  return typeof ref === "string" ? ref.trim() : (ref.id ?? ref.name);
}
