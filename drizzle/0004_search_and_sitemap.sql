CREATE INDEX "articles_public_id_idx" ON "articles" USING btree ("id","published_at") WHERE "articles"."status" in ('published', 'scheduled');--> statement-breakpoint
-- Hand-written (drizzle-kit cannot express column storage): search vectors stay in
-- the row instead of TOAST, unless one is too large for a page. Rows written before
-- this migration keep theirs out of line until they are next written; `VACUUM FULL
-- articles` at a quiet time moves them all (docs/performance.md, Reader queries).
ALTER TABLE "articles" ALTER COLUMN "search_vector" SET STORAGE MAIN;
