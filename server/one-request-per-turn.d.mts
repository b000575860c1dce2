import type { IncomingMessage, ServerResponse } from "node:http";

export function oneRequestPerTurn(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  nextTurn?: (callback: () => void) => unknown,
): (req: IncomingMessage, res: ServerResponse) => void;
