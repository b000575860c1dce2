/**
 * A request listener that hands the app one request per turn of the event loop, and any
 * request that has waited `maxWaitMs` at once.
 *
 * Why: since libuv 1.45 a Node server accepts one new connection per turn of the loop. Handed
 * straight to the app, every request that is ready runs in the same turn, so under load a
 * turn lasts as long as all of them (≈150 ms at 200 busy connections) and a burst of new
 * connections waits in the kernel's queue, one accepted per turn: the hundredth waited ≈5 s,
 * and a 60 s run at 200 clients had requests past its 10 s time-out. Queued here, a turn runs
 * one request (with the promise work it starts at once) and then polls again, which accepts
 * the next connection and reads whatever arrived; the queue is served in arrival order.
 *
 * The wait is bounded so that the app's own limits still see an overload: past `maxWaitMs`
 * the queued requests are all handed over in one turn, where the routes' concurrency limits
 * answer the excess with 503 at once instead of letting it queue here.
 *
 * A queued request whose client has gone is dropped unanswered: no work for a closed socket.
 *
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} handle
 * @param {{ maxWaitMs?: number, nextTurn?: (callback: () => void) => unknown, now?: () => number }} [options]
 *   `nextTurn` calls back after the loop has polled again; `now` is the clock in ms.
 */
export function oneRequestPerTurn(handle, { maxWaitMs = 250, nextTurn = setImmediate, now = () => performance.now() } = {}) {
  /** @type {Array<{ req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, at: number } | undefined>} */
  const queue = [];
  let head = 0;
  let scheduled = false;

  /** Hands over the request at the head; false when its client had gone. */
  const handOver = () => {
    const { req, res } = /** @type {NonNullable<(typeof queue)[number]>} */ (queue[head]);
    queue[head++] = undefined; // let the answered request be collected
    if (res.destroyed || req.socket.destroyed) return false;
    handle(req, res);
    return true;
  };

  const runTurn = () => {
    scheduled = false;
    while (head < queue.length) if (handOver()) break;
    const overdue = now() - maxWaitMs;
    while (head < queue.length && /** @type {NonNullable<(typeof queue)[number]>} */ (queue[head]).at <= overdue) handOver();
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
      return;
    }
    // Under a load that never lets the queue empty, drop the answered slots now and then.
    if (head >= 1024 && head * 2 >= queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    scheduled = true;
    nextTurn(runTurn);
  };

  /** @type {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} */
  return (req, res) => {
    queue.push({ req, res, at: now() });
    if (!scheduled) {
      scheduled = true;
      nextTurn(runTurn);
    }
  };
}
