CREATE TABLE `dataset_learning` (
	`data_version` text PRIMARY KEY NOT NULL,
	`learned_json` text NOT NULL,
	`learned_at` text NOT NULL
);
--> statement-breakpoint
DROP INDEX `benchmark_runs_device_idx`;--> statement-breakpoint
DROP INDEX `benchmark_runs_status_idx`;--> statement-breakpoint
CREATE INDEX `benchmark_runs_device_variant_idx` ON `benchmark_runs` (`device_id`,`variant_id`);--> statement-breakpoint
CREATE INDEX `benchmark_runs_status_decode_idx` ON `benchmark_runs` (`status`,"decode_tokens_per_sec" desc);