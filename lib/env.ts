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
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse({
    DATABASE_URL: source.DATABASE_URL || undefined,
    DATABASE_AUTH_TOKEN: source.DATABASE_AUTH_TOKEN || undefined,
    ADMIN_TOKEN: source.ADMIN_TOKEN || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}
