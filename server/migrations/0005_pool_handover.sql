CREATE TABLE "handover_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handover_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"note" text,
	"completed" boolean DEFAULT false NOT NULL,
	"completed_by" uuid,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_owner_id" uuid NOT NULL,
	"to_owner_id" uuid,
	"reason" text NOT NULL,
	"stage" text DEFAULT 'preparation' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"original_owner_id" uuid,
	"original_team_id" uuid,
	"reason" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'available' NOT NULL,
	"recycled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_by" uuid,
	"decided_by" uuid,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_handover_id_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."handovers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_entries" ADD CONSTRAINT "pool_entries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handover_items_kind_key" ON "handover_items" USING btree ("handover_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "handovers_open_key" ON "handovers" USING btree ("customer_id") WHERE "handovers"."stage" <> 'completed';--> statement-breakpoint
CREATE INDEX "handovers_stage_idx" ON "handovers" USING btree ("stage","created_at","id");--> statement-breakpoint
CREATE INDEX "handovers_from_idx" ON "handovers" USING btree ("from_owner_id");--> statement-breakpoint
CREATE INDEX "handovers_to_idx" ON "handovers" USING btree ("to_owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_entries_open_key" ON "pool_entries" USING btree ("customer_id") WHERE "pool_entries"."status" = 'available';--> statement-breakpoint
CREATE INDEX "pool_entries_customer_idx" ON "pool_entries" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "pool_entries_available_idx" ON "pool_entries" USING btree ("created_at","id") WHERE "pool_entries"."status" = 'available';--> statement-breakpoint
CREATE INDEX "pool_entries_original_owner_idx" ON "pool_entries" USING btree ("original_owner_id","created_at");