/**
 * The CPU time of the process listening on a loopback port, read from /proc (Linux): on a
 * machine other work shares, a route's CPU per request moves far less than its throughput.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The id of the process that listens on `port` (IPv4 loopback), or null when none is found (or not Linux). */
export function listeningPid(port: number): number | null {
  let inode: string | undefined;
  try {
    const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
    for (const line of readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      // local address "0100007F:PORT", state 0A = LISTEN, inode in column 10
      if (f[1]?.endsWith(`:${hexPort}`) && f[3] === "0A") inode = f[9];
    }
  } catch {
    return null;
  }
  if (!inode) return null;
  const target = `socket:[${inode}]`;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${entry}/fd/${fd}`) === target) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/** User + system CPU time of process `pid` so far (all its threads), in milliseconds. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
}
