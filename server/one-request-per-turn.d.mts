import type { IncomingMessage, ServerResponse } from "node:http";

export function oneRequestPerTurn(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  options?: { maxWaitMs?: number; nextTurn?: (callback: () => void) => unknown; now?: () => number },
): (req: IncomingMessage, res: ServerResponse) => void;
