ALTER TABLE `benchmark_runs` ADD `dedupe_key` text;--> statement-breakpoint
CREATE INDEX `benchmark_runs_dedupe_idx` ON `benchmark_runs` (`dedupe_key`);