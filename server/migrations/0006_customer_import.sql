CREATE TABLE "customer_import_issues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"line" integer NOT NULL,
	"kind" text NOT NULL,
	"field" text,
	"message" text NOT NULL,
	"existing_id" uuid,
	"existing_number" text,
	"existing_name" text,
	"other_line" integer,
	"raw" jsonb
);
--> statement-breakpoint
CREATE TABLE "customer_import_keys" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"phone" text,
	"email" text,
	"tax_id" text,
	CONSTRAINT "customer_import_keys_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
CREATE TABLE "customer_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"size" integer NOT NULL,
	"encoding" text NOT NULL,
	"delimiter" text NOT NULL,
	"headers" jsonb NOT NULL,
	"sample" jsonb NOT NULL,
	"total_rows" integer NOT NULL,
	"mapping" jsonb,
	"duplicate_mode" text,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"invalid_rows" integer DEFAULT 0 NOT NULL,
	"duplicate_rows" integer DEFAULT 0 NOT NULL,
	"file_duplicate_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"last_line" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "customer_import_issues" ADD CONSTRAINT "customer_import_issues_import_id_customer_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."customer_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_import_keys" ADD CONSTRAINT "customer_import_keys_import_id_customer_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."customer_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_import_issues_import_idx" ON "customer_import_issues" USING btree ("import_id","phase","line","id");--> statement-breakpoint
CREATE INDEX "customer_import_keys_phone_idx" ON "customer_import_keys" USING btree ("import_id","phone");--> statement-breakpoint
CREATE INDEX "customer_import_keys_email_idx" ON "customer_import_keys" USING btree ("import_id","email");--> statement-breakpoint
CREATE INDEX "customer_import_keys_tax_idx" ON "customer_import_keys" USING btree ("import_id","tax_id");--> statement-breakpoint
CREATE INDEX "customer_imports_creator_idx" ON "customer_imports" USING btree ("created_by","created_at");