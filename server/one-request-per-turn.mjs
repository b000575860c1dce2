/**
 * A request listener that hands the app one request per turn of the event loop.
 *
 * Why: since libuv 1.45 a Node server accepts one new connection per turn of the loop. Handed
 * straight to the app, every request that is ready runs in the same turn, so under load a
 * turn lasts as long as all of them (≈150 ms at 200 busy connections) and a burst of new
 * connections waits in the kernel's queue, one accepted per turn: the hundredth waited ≈5 s,
 * and a 60 s run at 200 clients had requests past its 10 s time-out. Queued here, a turn runs
 * one request (with the promise work it starts at once) and then polls again, which accepts
 * the next connection and reads whatever arrived; the queue is served in arrival order.
 *
 * A queued request whose client has gone is dropped unanswered: no work for a closed socket.
 *
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} handle
 * @param {(callback: () => void) => unknown} [nextTurn] calls back after the loop has polled again
 */
export function oneRequestPerTurn(handle, nextTurn = setImmediate) {
  /** @type {Array<[import("node:http").IncomingMessage, import("node:http").ServerResponse] | undefined>} */
  const queue = [];
  let head = 0;
  let scheduled = false;

  const runOne = () => {
    scheduled = false;
    while (head < queue.length) {
      const [req, res] = queue[head];
      queue[head++] = undefined; // let the answered request be collected
      if (res.destroyed || req.socket.destroyed) continue;
      handle(req, res);
      break;
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else {
      // Under a load that never lets the queue empty, drop the answered slots now and then.
      if (head >= 1024 && head * 2 >= queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      scheduled = true;
      nextTurn(runOne);
    }
  };

  /** @type {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} */
  return (req, res) => {
    queue.push([req, res]);
    if (!scheduled) {
      scheduled = true;
      nextTurn(runOne);
    }
  };
}
