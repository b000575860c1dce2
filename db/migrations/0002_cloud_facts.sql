CREATE TABLE `cloud_facts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`model_key` text NOT NULL,
	`ttft_ms` real,
	`tokens_per_sec` real,
	`quality_json` text,
	`status` text NOT NULL,
	`measured_at` text,
	`notes` text,
	`source_id` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cloud_facts_model_idx` ON `cloud_facts` (`provider`,`model_key`);