CREATE TABLE "kb_article_search" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"language" text NOT NULL,
	"original" boolean NOT NULL,
	"status" text NOT NULL,
	"visibility" text NOT NULL,
	"category_id" uuid,
	"tags" text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"title_fold" text NOT NULL,
	"title_words" "tsvector" NOT NULL,
	"words" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "kb_articles_title_fold_trgm_idx";--> statement-breakpoint
DROP INDEX "kb_articles_text_fold_trgm_idx";--> statement-breakpoint
DROP INDEX "kb_articles_search_vector_idx";--> statement-breakpoint
ALTER TABLE "kb_article_search" ADD CONSTRAINT "kb_article_search_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_article_search_title_words_idx" ON "kb_article_search" USING gin ("title_words") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "kb_article_search_words_idx" ON "kb_article_search" USING gin ("words") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "kb_article_search_tags_idx" ON "kb_article_search" USING gin ("tags") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "kb_article_search_title_fold_trgm_idx" ON "kb_article_search" USING gin ("title_fold" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
ALTER TABLE "kb_articles" DROP COLUMN "title_fold";--> statement-breakpoint
ALTER TABLE "kb_articles" DROP COLUMN "text_fold";--> statement-breakpoint
-- Chinese is written without spaces: a run of Han characters is indexed as its overlapping pairs, and
-- its last character alone, so a word of two characters or more is the conjunction of its pairs and
-- one character is a prefix (knowledge.repository.ts builds the same terms for a query).
CREATE OR REPLACE FUNCTION kb_han_pairs(folded text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT substr(run, i, 2))), ''::tsvector)
  FROM regexp_split_to_table(folded, '[^\u3400-\u4dbf\u4e00-\u9fff]+') AS run, generate_series(1, char_length(run)) AS i
  WHERE run <> ''
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION kb_search_words(folded text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT strip(to_tsvector('simple'::regconfig, folded)) || kb_han_pairs(folded)
$$;--> statement-breakpoint
-- kb_article_search follows kb_articles in the same transaction, whoever writes the article (the app,
-- an import, a script): an index kept by hand in the app would drift the first time one path forgot it.
CREATE OR REPLACE FUNCTION kb_article_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kb_article_search AS s (article_id, group_id, language, original, status, visibility, category_id, tags, updated_at, title_fold, title_words, words)
  VALUES (NEW.id, NEW.group_id, NEW.language, NEW.original, NEW.status, NEW.visibility, NEW.category_id, NEW.tags, NEW.updated_at, search_fold(NEW.title),
    kb_search_words(search_fold(NEW.title || ' ' || array_to_string(NEW.tags, ' '))),
    kb_search_words(search_fold(NEW.title || ' ' || array_to_string(NEW.tags, ' ') || ' ' || NEW.body_text)))
  ON CONFLICT (article_id) DO UPDATE SET
    group_id = excluded.group_id, language = excluded.language, original = excluded.original, status = excluded.status,
    visibility = excluded.visibility, category_id = excluded.category_id, tags = excluded.tags, updated_at = excluded.updated_at,
    title_fold = excluded.title_fold, title_words = excluded.title_words, words = excluded.words;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER kb_article_search_sync AFTER INSERT OR UPDATE OF group_id, language, original, status, visibility, category_id, tags, title, body_text, updated_at
  ON kb_articles FOR EACH ROW EXECUTE FUNCTION kb_article_search_sync();--> statement-breakpoint
INSERT INTO kb_article_search (article_id, group_id, language, original, status, visibility, category_id, tags, updated_at, title_fold, title_words, words)
SELECT id, group_id, language, original, status, visibility, category_id, tags, updated_at, search_fold(title),
  kb_search_words(search_fold(title || ' ' || array_to_string(tags, ' '))),
  kb_search_words(search_fold(title || ' ' || array_to_string(tags, ' ') || ' ' || body_text))
FROM kb_articles;
