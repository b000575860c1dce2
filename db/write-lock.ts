/**
 * Serialises this process's write transactions. An embedded libSQL file takes
 * one writer at a time and a second BEGIN IMMEDIATE fails at once with
 * SQLITE_BUSY, so concurrent uploads queue here instead of failing.
 * (Several servers on one libSQL server are serialised by that server.)
 */
let tail: Promise<unknown> = Promise.resolve();

export function withWriteLock<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}
