/**
 * What a page's first load downloads: its HTML and every script its HTML names
 * (`<script src>`, but for nomodule ones), each gzipped as a server would send it. Charts loaded with
 * next/dynamic after the page paints are not named in the HTML and not counted.
 */
import http from "node:http";
import { gzipSync } from "node:zlib";
import { assertLoopback, request } from "./load";

export interface PageWeight {
  path: string;
  status: number | string;
  htmlGzipBytes: number;
  scripts: number;
  scriptGzipBytes: number;
  /** Each script's path and gzipped size, as the HTML names them. */
  scriptList: { src: string; gzipBytes: number }[];
  /** Scripts whose text contains one of the `watch` strings. */
  found: Record<string, number>;
}

export async function pageWeight(baseUrl: string, path: string, watch: string[] = []): Promise<PageWeight> {
  const base = assertLoopback(baseUrl);
  const agent = new http.Agent({ keepAlive: true });
  const page = await request(agent, base, { method: "GET", path }, 120_000, true);
  const html = page.body ?? "";
  // A nomodule script (the legacy polyfills) is skipped by every browser that runs modules.
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1]! + m[3]!));
  const srcs = [...new Set(tags.map((m) => m[2]!.replace(/&amp;/g, "&")))];
  let scriptGzipBytes = 0;
  const scriptList: PageWeight["scriptList"] = [];
  const found: Record<string, number> = {};
  for (const src of srcs) {
    const pathname = new URL(src, base).pathname;
    const script = await request(agent, base, { method: "GET", path: pathname }, 60_000, true);
    const text = script.body ?? "";
    const gzipBytes = gzipSync(text).length;
    scriptGzipBytes += gzipBytes;
    scriptList.push({ src: pathname, gzipBytes });
    for (const w of watch) if (text.includes(w)) found[w] = (found[w] ?? 0) + 1;
  }
  agent.destroy();
  return { path, status: page.status, htmlGzipBytes: gzipSync(html).length, scripts: srcs.length, scriptGzipBytes, scriptList, found };
}
