CREATE TABLE `document_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`claim_json` text NOT NULL,
	`source_id` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_claims_source_idx` ON `document_claims` (`source_id`);--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `kind` text DEFAULT 'list' NOT NULL;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `batch_input_usd_per_mtok` real;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `batch_output_usd_per_mtok` real;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `cache_write_usd_per_mtok` real;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `long_context_json` text;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `effective_date_basis` text DEFAULT 'took-effect' NOT NULL;--> statement-breakpoint
ALTER TABLE `cloud_prices` ADD `effective_until` text;