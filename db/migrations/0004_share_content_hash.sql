ALTER TABLE `scenarios` ADD `content_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `scenarios_content_hash_idx` ON `scenarios` (`content_hash`);--> statement-breakpoint
CREATE INDEX `scenarios_created_at_idx` ON `scenarios` (`created_at`);