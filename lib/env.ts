/** Environment, validated once: a bad value fails with one clear line, not a stack trace. */
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:data/app.db")
    .refine((url) => /^(file:|libsql:|https?:|wss?:)/.test(url), {
      message: "must start with file:, libsql:, http(s): or ws(s):",
    }),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  ADMIN_TOKEN: z.string().min(1).optional(),
  /**
   * How many proxies in front of the app append to X-Forwarded-For (0: none, the app
   * faces its clients). The per-client key is the address that many hops from the
   * right; with 0 a client's own X-Forwarded-For is dropped (proxy.ts) and the
   * socket's address used.
   */
  TRUST_PROXY_HOPS: z.coerce
    .number({ error: "must be a whole number of proxies, 0 to 10" })
    .int({ error: "must be a whole number of proxies, 0 to 10" })
    .min(0, { error: "must be a whole number of proxies, 0 to 10" })
    .max(10, { error: "must be a whole number of proxies, 0 to 10" })
    .default(0),
  /**
   * The niceness of the worker thread that handles a large upload (Linux): 0 runs it as
   * the server runs; 10 (default) lets requests go first when the cores are all busy, at
   * the price of a slower upload then (bench:upload-reads on 2 busy cores: 50k runs in
   * ≈42 s at 0, ≈130 s at 10; reads' p99 ≈1.55× idle at 0, ≈1.0× at 10).
   */
  UPLOAD_WORKER_NICENESS: z.coerce
    .number({ error: "must be a whole number, 0 to 19" })
    .int({ error: "must be a whole number, 0 to 19" })
    .min(0, { error: "must be a whole number, 0 to 19" })
    .max(19, { error: "must be a whole number, 0 to 19" })
    .default(10),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(envSchema, source);
}

/** The variables `schema` names, read from `source` (an empty one as unset), or one line naming each bad value. */
export function parseEnv<S extends z.ZodObject>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((name) => [name, source[name] || undefined])));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}
