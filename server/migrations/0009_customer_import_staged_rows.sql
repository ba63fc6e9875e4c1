ALTER TABLE "customer_import_keys" ADD COLUMN "raw" jsonb;--> statement-breakpoint
ALTER TABLE "customer_import_keys" ADD COLUMN "data" jsonb;--> statement-breakpoint
ALTER TABLE "customer_imports" ADD COLUMN "context_hash" text;