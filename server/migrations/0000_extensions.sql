-- Extensions the schema relies on: trigram indexes for partial-word search in any script, unaccent for word search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
