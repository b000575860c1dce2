/**
 * The two enums the scenario schema shares with the native benchmark format, in a module
 * of their own: the scenario checker the planner loads in the browser needs these, not the
 * benchmark format's whole schema (built when its module loads).
 */
import { z } from "zod";

/** measured: tool output; claimed: an article's or vendor's number; estimated: computed. */
export const dataStatusSchema = z.enum(["measured", "claimed", "estimated"]);
export type DataStatus = z.infer<typeof dataStatusSchema>;

/** What sort of machine a device is; llama-bench GPU runs come from desktops and servers. */
export const DEVICE_KINDS = ["phone", "tablet", "laptop", "board", "desktop", "server"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
