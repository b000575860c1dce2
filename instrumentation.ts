/**
 * Runs once when a server starts (Next's instrumentation hook): a version of the dataset
 * this server finds no learning stored for (another server on the same database wrote it)
 * is learned in a worker thread, not on the thread of the reader that found it
 * (lib/use-cases/learn-after-write.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getDatabase }, { learnMissingVersionsOffThread }] = await Promise.all([
    import("@/db/client"),
    import("@/lib/use-cases/learn-after-write"),
  ]);
  learnMissingVersionsOffThread(getDatabase());
}
