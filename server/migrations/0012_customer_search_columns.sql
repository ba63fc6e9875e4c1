DROP INDEX "customers_name_trgm_idx";--> statement-breakpoint
DROP INDEX "customers_name_fold_trgm_idx";--> statement-breakpoint
DROP INDEX "customers_number_trgm_idx";--> statement-breakpoint
DROP INDEX "customers_email_trgm_idx";--> statement-breakpoint
DROP INDEX "customers_phone_trgm_idx";--> statement-breakpoint
DROP INDEX "customers_mobile_trgm_idx";--> statement-breakpoint
DROP INDEX "customers_tax_id_trgm_idx";--> statement-breakpoint
DROP INDEX "customers_created_idx";--> statement-breakpoint
DROP INDEX "customers_sort_name_idx";--> statement-breakpoint
DROP INDEX "customers_last_contact_idx";--> statement-breakpoint
DROP INDEX "customers_lifetime_value_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_text" text GENERATED ALWAYS AS (search_fold(name || E'\n' || coalesce(email, ''))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_phones" text GENERATED ALWAYS AS (coalesce(phone, '') || E'\n' || coalesce(mobile, '')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_ids" text GENERATED ALWAYS AS (number || E'\n' || coalesce(tax_id, '')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_search_text_trgm_idx" ON "customers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_search_phones_trgm_idx" ON "customers" USING gin ("search_phones" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_search_ids_trgm_idx" ON "customers" USING gin ("search_ids" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_created_idx" ON "customers" USING btree ("created_at","id","status","level","type","owner_id","team_id");--> statement-breakpoint
CREATE INDEX "customers_sort_name_idx" ON "customers" USING btree (lower("name"),"id","name","status","level","type","owner_id","team_id");--> statement-breakpoint
CREATE INDEX "customers_last_contact_idx" ON "customers" USING btree (coalesce("last_contact_at", '-infinity'::timestamptz),"id","last_contact_at","status","level","type","owner_id","team_id");--> statement-breakpoint
CREATE INDEX "customers_lifetime_value_idx" ON "customers" USING btree ("lifetime_value","id","status","level","type","owner_id","team_id");