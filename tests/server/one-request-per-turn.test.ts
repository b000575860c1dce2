import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { oneRequestPerTurn } from "@/server/one-request-per-turn.mjs";

function fakeRequest(url: string, gone = false): [IncomingMessage, ServerResponse] {
  return [{ url, socket: { destroyed: gone } } as unknown as IncomingMessage, { destroyed: false } as ServerResponse];
}

describe("oneRequestPerTurn", () => {
  it("hands over one request per turn, in arrival order, and stops asking for turns when the queue is empty", () => {
    const turns: Array<() => void> = [];
    const handled: string[] = [];
    const dispatch = oneRequestPerTurn((req) => handled.push(req.url!), { nextTurn: (next) => turns.push(next) });
    for (const url of ["/a", "/b", "/c"]) dispatch(...fakeRequest(url));
    expect(turns).toHaveLength(1);
    expect(handled).toEqual([]);
    turns.shift()!();
    expect(handled).toEqual(["/a"]);
    turns.shift()!();
    expect(handled).toEqual(["/a", "/b"]);
    dispatch(...fakeRequest("/d"));
    expect(turns).toHaveLength(1);
    turns.shift()!();
    turns.shift()!();
    expect(handled).toEqual(["/a", "/b", "/c", "/d"]);
    expect(turns).toHaveLength(0);
    dispatch(...fakeRequest("/e"));
    turns.shift()!();
    expect(handled).toEqual(["/a", "/b", "/c", "/d", "/e"]);
  });

  it("drops a queued request whose client has gone and hands the next one over in the same turn", () => {
    const turns: Array<() => void> = [];
    const handled: string[] = [];
    const dispatch = oneRequestPerTurn((req) => handled.push(req.url!), { nextTurn: (next) => turns.push(next) });
    dispatch(...fakeRequest("/a"));
    dispatch(...fakeRequest("/gone", true));
    dispatch(...fakeRequest("/c"));
    turns.shift()!();
    turns.shift()!();
    expect(handled).toEqual(["/a", "/c"]);
    expect(turns).toHaveLength(0);
  });

  it("hands over at once, in one turn, every request that has waited maxWaitMs", () => {
    const turns: Array<() => void> = [];
    const handled: string[] = [];
    let clock = 0;
    const dispatch = oneRequestPerTurn((req) => handled.push(req.url!), {
      maxWaitMs: 250,
      nextTurn: (next) => turns.push(next),
      now: () => clock,
    });
    for (const url of ["/a", "/b", "/c"]) dispatch(...fakeRequest(url));
    clock = 100;
    dispatch(...fakeRequest("/d"));
    clock = 260; // /b and /c have waited 260 ms, /d 160 ms
    turns.shift()!();
    expect(handled).toEqual(["/a", "/b", "/c"]);
    turns.shift()!();
    expect(handled).toEqual(["/a", "/b", "/c", "/d"]);
    expect(turns).toHaveLength(0);
  });
});

describe("a busy server accepting a burst of new connections", () => {
  const servers: ChildProcess[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.kill()));

  /**
   * 16 clients keep the server busy (2 ms of CPU per answer), and 40 new connections arrive
   * at once. Returns how many requests the server answered between accepting the first and
   * the last of the 40: Node accepts one connection per turn of its loop, so this counts the
   * answers given in the turns the burst waited through.
   */
  async function answeredDuringBurst(mode: "plain" | "per-turn"): Promise<number> {
    const server = spawn(process.execPath, ["tests/server/busy-server.mjs", mode, "2"], { stdio: ["ignore", "pipe", "inherit"] });
    servers.push(server);
    const [portLine] = (await once(server.stdout!, "data")) as [Buffer];
    const port = Number(portLine.toString().trim());
    // A new connection each (agent: false).
    const get = () =>
      new Promise<number>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path: "/", agent: false }, (res) => {
            res.resume();
            res.on("end", () => resolve(Number(res.headers["x-answered-before-accept"])));
          })
          .on("error", reject);
      });
    const burst = await Promise.all(Array.from({ length: 40 }, get));
    server.kill();
    return Math.max(...burst) - Math.min(...burst);
  }

  it("accepts them between answers when requests are handed over one per turn", async () => {
    const plain = await answeredDuringBurst("plain");
    const perTurn = await answeredDuringBurst("per-turn");
    // Plain: each turn answers every busy client (16) and accepts one connection: ≈660 here.
    expect(plain).toBeGreaterThan(400);
    // One per turn: one answer, then the next connection: 39 here.
    expect(perTurn).toBeLessThanOrEqual(80);
  }, 30_000);
});
