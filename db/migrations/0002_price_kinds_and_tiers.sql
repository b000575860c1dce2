ALTER TABLE `cloud_prices` ADD `kind` text DEFAULT 'list' NOT NULL;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `batch_input_usd_per_mtok` real;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `batch_output_usd_per_mtok` real;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `cache_write_usd_per_mtok` real;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `long_context_json` text;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `effective_date_basis` text DEFAULT 'took-effect' NOT NULL;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `effective_until` text;