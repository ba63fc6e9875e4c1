CREATE TABLE "ticket_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"total" integer NOT NULL,
	"valid" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	"result" jsonb
);
--> statement-breakpoint
CREATE INDEX "ticket_imports_created_idx" ON "ticket_imports" USING btree ("created_at");