CREATE TABLE "ticket_relations" (
	"ticket_id" uuid NOT NULL,
	"related_id" uuid NOT NULL,
	"kind" text DEFAULT 'related' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_relations_ticket_id_related_id_pk" PRIMARY KEY("ticket_id","related_id")
);
--> statement-breakpoint
CREATE TABLE "ticket_sla_policies" (
	"priority" smallint PRIMARY KEY NOT NULL,
	"first_response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL,
	"warn_before_minutes" integer DEFAULT 60 NOT NULL,
	"business_hours" boolean DEFAULT false NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ticket_sla_policies_priority_check" CHECK ("ticket_sla_policies"."priority" between 1 and 5),
	CONSTRAINT "ticket_sla_policies_targets_check" CHECK ("ticket_sla_policies"."first_response_minutes" > 0 and "ticket_sla_policies"."resolution_minutes" >= "ticket_sla_policies"."first_response_minutes")
);
--> statement-breakpoint
ALTER TABLE "ticket_component_staff" ADD COLUMN "role" text DEFAULT 'agent' NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_component_staff" ADD COLUMN "available" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_components" ADD COLUMN "distribution" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_components" ADD COLUMN "last_assigned_user_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "escalation_reason" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "first_response_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolution_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "first_response_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolution_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "follow_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "follow_up_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "satisfaction_rating" smallint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "satisfaction_comment" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "rated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "campaign_ref" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "product_interest" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_relations" ADD CONSTRAINT "ticket_relations_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_relations" ADD CONSTRAINT "ticket_relations_related_id_tickets_id_fk" FOREIGN KEY ("related_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_relations_related_idx" ON "ticket_relations" USING btree ("related_id");--> statement-breakpoint
CREATE INDEX "tickets_autoclose_idx" ON "tickets" USING btree ("last_activity_at") WHERE "tickets"."status" = 'waiting_on_customer';--> statement-breakpoint
CREATE INDEX "tickets_sla_first_response_idx" ON "tickets" USING btree ("first_response_due_at") WHERE "tickets"."first_response_at" is null and "tickets"."first_response_breached_at" is null and "tickets"."status" not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "tickets_sla_resolution_idx" ON "tickets" USING btree ("resolution_due_at") WHERE "tickets"."resolution_breached_at" is null and "tickets"."status" not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "tickets_sla_breached_idx" ON "tickets" USING btree ("created_at","id") WHERE ("tickets"."first_response_breached_at" is not null or "tickets"."resolution_breached_at" is not null) and "tickets"."status" not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "tickets_follow_up_idx" ON "tickets" USING btree ("follow_up_at") WHERE "tickets"."follow_up_at" is not null and "tickets"."follow_up_reminded_at" is null;--> statement-breakpoint
CREATE INDEX "tickets_open_customer_source_idx" ON "tickets" USING btree ("customer_id","source","created_at") WHERE "tickets"."status" not in ('resolved', 'closed') and "tickets"."merged_into_id" is null;--> statement-breakpoint
ALTER TABLE "ticket_components" ADD CONSTRAINT "ticket_components_distribution_check" CHECK ("ticket_components"."distribution" in ('manual', 'round_robin', 'least_load'));--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_satisfaction_check" CHECK ("tickets"."satisfaction_rating" is null or "tickets"."satisfaction_rating" between 1 and 5);--> statement-breakpoint
-- TKT-9 defaults every installation starts with (admins edit them): minutes to first response / resolution.
INSERT INTO "ticket_sla_policies" ("priority", "first_response_minutes", "resolution_minutes", "warn_before_minutes") VALUES
  (1, 1440, 10080, 240), (2, 480, 4320, 120), (3, 240, 2880, 60), (4, 60, 1440, 30), (5, 30, 480, 15);
