ALTER TABLE "ticket_imports" ALTER COLUMN "total" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "ticket_imports" ALTER COLUMN "valid" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "ticket_imports" ALTER COLUMN "rows" SET DEFAULT '[]'::jsonb;--> statement-breakpoint
ALTER TABLE "ticket_imports" ALTER COLUMN "errors" SET DEFAULT '[]'::jsonb;--> statement-breakpoint
ALTER TABLE "ticket_imports" ADD COLUMN "file_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_imports" ADD COLUMN "encoding" text DEFAULT 'utf-8' NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_imports" ADD COLUMN "delimiter" text DEFAULT ',' NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_imports" ADD COLUMN "headers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_imports" ADD COLUMN "sample" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_imports" ADD COLUMN "records" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_imports" ADD COLUMN "mapping" jsonb;--> statement-breakpoint
ALTER TABLE "ticket_imports" ADD COLUMN "duplicate_key" text;--> statement-breakpoint
ALTER TABLE "ticket_imports" ADD COLUMN "previewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "external_ref" text;--> statement-breakpoint
CREATE INDEX "tickets_external_ref_idx" ON "tickets" USING btree ("external_ref") WHERE "tickets"."external_ref" is not null;