/**
 * A script's entry point: runs `main`, then exits with the code it returns (0 when it
 * returns none) or, if it throws, prints the error's message and exits with 1. The exit
 * is explicit because a script may leave servers, sockets or workers that would keep
 * Node running.
 */
export function runScript(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
