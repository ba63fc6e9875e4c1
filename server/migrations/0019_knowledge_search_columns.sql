DROP INDEX "kb_articles_title_fold_trgm_idx";--> statement-breakpoint
DROP INDEX "kb_articles_text_fold_trgm_idx";--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "title_fold" text GENERATED ALWAYS AS (search_fold(title)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "text_fold" text GENERATED ALWAYS AS (search_fold(body_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, search_fold(title)), 'A') || setweight(to_tsvector('simple'::regconfig, search_fold(body_text)), 'B')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "kb_articles_search_vector_idx" ON "kb_articles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "kb_articles_title_fold_trgm_idx" ON "kb_articles" USING gin ("title_fold" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kb_articles_text_fold_trgm_idx" ON "kb_articles" USING gin ("text_fold" gin_trgm_ops);