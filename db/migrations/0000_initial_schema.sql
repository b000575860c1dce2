CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`url` text,
	`format` text,
	`content_hash` text,
	`published_at` text,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_content_hash_unique` ON `sources` (`content_hash`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'phone' NOT NULL,
	`soc` text,
	`os` text,
	`ram_gb` real,
	`ram_status` text,
	`ram_source` text,
	`memory_bandwidth_gbps` real,
	`memory_bandwidth_status` text,
	`memory_bandwidth_source` text,
	`battery_wh` real,
	`battery_status` text,
	`battery_source` text,
	`source_id` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `models` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`family` text,
	`params_b` real,
	`active_params_b` real,
	`architecture` text,
	`context_length` integer,
	`source_id` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quality_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_id` text NOT NULL,
	`variant_id` text,
	`metric` text NOT NULL,
	`score` real NOT NULL,
	`status` text NOT NULL,
	`source_id` integer NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `runtimes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runtimes_name_unique` ON `runtimes` (`name`);--> statement-breakpoint
CREATE TABLE `variants` (
	`id` text PRIMARY KEY NOT NULL,
	`model_id` text NOT NULL,
	`quantization` text NOT NULL,
	`size_gb` real,
	`size_status` text,
	`source_id` integer NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `benchmark_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`runtime_id` integer NOT NULL,
	`backend` text,
	`status` text NOT NULL,
	`source_id` integer NOT NULL,
	`decode_tokens_per_sec` real,
	`prefill_tokens_per_sec` real,
	`ttft_ms` real,
	`prompt_tokens` integer,
	`generated_tokens` integer,
	`peak_memory_mb` real,
	`weights_mb` real,
	`power_w` real,
	`battery_drain_pct_per_30_min` real,
	`throttle_pct` real,
	`throttle_after_min` real,
	`cold_start_sec` real,
	`repetitions` integer,
	`decode_stddev_tokens_per_sec` real,
	`prefill_stddev_tokens_per_sec` real,
	`measured_at` text,
	`notes` text,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`runtime_id`) REFERENCES `runtimes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `benchmark_runs_device_idx` ON `benchmark_runs` (`device_id`);--> statement-breakpoint
CREATE INDEX `benchmark_runs_variant_idx` ON `benchmark_runs` (`variant_id`);--> statement-breakpoint
CREATE INDEX `benchmark_runs_source_idx` ON `benchmark_runs` (`source_id`);--> statement-breakpoint
CREATE INDEX `benchmark_runs_status_idx` ON `benchmark_runs` (`status`);--> statement-breakpoint
CREATE TABLE `cloud_prices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`model_key` text NOT NULL,
	`name` text NOT NULL,
	`input_usd_per_mtok` real,
	`output_usd_per_mtok` real NOT NULL,
	`cached_input_usd_per_mtok` real,
	`batch_discount_pct` real,
	`ttft_ms` real,
	`tokens_per_sec` real,
	`context_length` integer,
	`quality_json` text,
	`effective_date` text NOT NULL,
	`status` text NOT NULL,
	`source_id` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cloud_prices_model_idx` ON `cloud_prices` (`provider`,`model_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `cloud_prices_version_unique` ON `cloud_prices` (`provider`,`model_key`,`effective_date`,`source_id`);--> statement-breakpoint
CREATE TABLE `scenarios` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`scenario_json` text NOT NULL,
	`data_json` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
