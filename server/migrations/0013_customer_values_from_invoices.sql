ALTER TABLE "customers" ALTER COLUMN "total_value" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "total_value" DROP NOT NULL;--> statement-breakpoint
-- Decision 0006: the stored figures were made up (demo data) and nothing maintained them. Total value
-- (open opportunities) is unknown until opportunities exist; lifetime value is what was paid on invoices.
UPDATE "customers" SET "total_value" = NULL WHERE "total_value" IS NOT NULL;--> statement-breakpoint
UPDATE "customers" c SET "lifetime_value" = p."paid"
  FROM (SELECT c2."id", coalesce(sum(i."paid_amount"), 0) AS "paid" FROM "customers" c2 LEFT JOIN "invoices" i ON i."customer_id" = c2."id" GROUP BY c2."id") p
 WHERE p."id" = c."id" AND c."lifetime_value" <> p."paid";
