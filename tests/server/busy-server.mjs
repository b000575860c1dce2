// A server whose every answer costs `busyMs` of CPU, in one of two modes: "plain" hands requests
// to the handler as Node reads them, "per-turn" through oneRequestPerTurn. Each answer says how
// many requests the server had answered when it accepted the answer's connection. A worker
// thread (its own event loop) keeps 16 keep-alive clients asking, so the server stays busy
// whatever the process that loads it is doing; the port is printed once they run.
import { createServer, Agent, get } from "node:http";
import { Worker, isMainThread, workerData } from "node:worker_threads";

if (isMainThread) {
  const { oneRequestPerTurn } = await import("../../server/one-request-per-turn.mjs");
  const [mode, busyMs] = [process.argv[2], Number(process.argv[3])];
  let answered = 0;
  const handle = (req, res) => {
    const start = performance.now();
    while (performance.now() - start < busyMs);
    answered++;
    res.setHeader("x-answered-before-accept", String(req.socket.answeredBeforeAccept));
    res.end("ok");
  };
  const server = createServer(mode === "per-turn" ? oneRequestPerTurn(handle) : handle);
  server.on("connection", (socket) => (socket.answeredBeforeAccept = answered));
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    new Worker(new URL(import.meta.url), { workerData: { port } }).unref();
    setTimeout(() => console.log(port), 300);
  });
} else {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const ask = () => get({ host: "127.0.0.1", port: workerData.port, path: "/", agent }, (res) => res.resume().on("end", ask));
  for (let i = 0; i < 16; i++) ask();
}
