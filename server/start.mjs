/**
 * The production server: the built app (`next build`) behind Node's http server, with its
 * requests handed over one per turn of the event loop (see ./one-request-per-turn.mjs).
 *
 *   node server/start.mjs [-p PORT] [-H HOST]     (PORT defaults to $PORT, then 3000)
 *
 * The same handler `next start` uses (Next's `next()` custom-server API), in the same
 * environment: NODE_ENV production unless set, set before Next is loaded.
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { oneRequestPerTurn } from "./one-request-per-turn.mjs";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`the port must be a whole number from 0 to 65535, not "${values.port ?? process.env.PORT}"`);
  process.exit(1);
}
const hostname = values.hostname;

process.env.NODE_ENV ||= "production";
process.env.NEXT_RUNTIME = "nodejs";
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer(
  oneRequestPerTurn((req, res) => {
    handle(req, res).catch((error) => {
      console.error(`failed to answer ${req.method} ${req.url}`, error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    });
  }),
);
server.on("error", (error) => {
  console.error(`the server could not start: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${hostname ?? "localhost"}:${address.port}` : String(address);
  console.log(`Serving the planner on http://${shown}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    // Answers in flight get a moment to finish; idle keep-alive connections close at once.
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
