CREATE TABLE `dataset_digest` (
	`data_version` text NOT NULL,
	`part` text NOT NULL,
	`json` text NOT NULL,
	`stored_at` text NOT NULL,
	PRIMARY KEY(`data_version`, `part`)
);
