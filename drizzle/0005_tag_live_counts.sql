-- No article may change status while the new columns are filled in (the triggers that keep them come last).
LOCK TABLE "articles" IN SHARE MODE;--> statement-breakpoint
ALTER TABLE "article_tags" ADD COLUMN "live_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tags" ADD COLUMN "live_article_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written: filled in before the index is built, and before the triggers exist.
UPDATE "article_tags" SET "live_published_at" = a."published_at" FROM "articles" AS a
WHERE a."id" = "article_tags"."article_id" AND a."status" IN ('published', 'scheduled') AND a."published_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "article_tags_tag_live_idx" ON "article_tags" USING btree ("tag_id","live_published_at" DESC NULLS FIRST,"article_id" DESC NULLS FIRST) WHERE "article_tags"."live_published_at" is not null;--> statement-breakpoint
UPDATE "tags" SET "live_article_count" = counted.n
FROM (SELECT "tag_id", count(*)::integer AS n FROM "article_tags" WHERE "live_published_at" IS NOT NULL GROUP BY "tag_id") AS counted
WHERE "tags"."id" = counted.tag_id;--> statement-breakpoint
-- Hand-written (drizzle-kit does not write triggers). Two values kept exact on
-- every write path (tags added, removed or replaced; an article published,
-- scheduled, rescheduled, unpublished, trashed or deleted):
--   article_tags.live_published_at: the article's published_at while its status
--     is 'published' or 'scheduled' ("live"), else null;
--   tags.live_article_count: the tag's taggings whose live_published_at is set.
-- Readers' queries still compare the time with now(): a tag's public articles
-- are those with live_published_at <= now(), i.e. live_article_count less the
-- few scheduled for later.

-- A new tagging takes its article's state, and so does one whose article_id or
-- live_published_at an UPDATE sets (a value written by hand is not trusted).
-- FOR SHARE waits for a status change of that article still in progress (and
-- reads what it committed); a status change made later waits for this
-- transaction, then updates this tagging too.
CREATE FUNCTION "article_tags_take_article_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT CASE WHEN a."status" IN ('published', 'scheduled') THEN a."published_at" END INTO NEW."live_published_at"
  FROM "articles" AS a WHERE a."id" = NEW."article_id" FOR SHARE;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "article_tags_take_article_state" BEFORE INSERT OR UPDATE OF "article_id", "live_published_at" ON "article_tags"
  FOR EACH ROW EXECUTE FUNCTION "article_tags_take_article_state"();--> statement-breakpoint
-- An article's status or publication time changed: its taggings follow.
CREATE FUNCTION "articles_pass_state_to_tags"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "article_tags" SET "live_published_at" = CASE WHEN NEW."status" IN ('published', 'scheduled') THEN NEW."published_at" END
  WHERE "article_id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "articles_pass_state_to_tags" AFTER UPDATE OF "status", "published_at" ON "articles" FOR EACH ROW
  WHEN ((CASE WHEN OLD."status" IN ('published', 'scheduled') THEN OLD."published_at" END)
    IS DISTINCT FROM (CASE WHEN NEW."status" IN ('published', 'scheduled') THEN NEW."published_at" END))
  EXECUTE FUNCTION "articles_pass_state_to_tags"();--> statement-breakpoint
-- The counts, from the taggings each statement added, removed or changed (a
-- deleted article's taggings go by ON DELETE CASCADE, with their state).
CREATE FUNCTION "tags_add_live_counts"(tag_ids uuid[], deltas integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  change record;
BEGIN
  -- One tag at a time, in id order: two transactions cannot deadlock on them.
  FOR change IN
    SELECT d.tag_id, sum(d.delta)::integer AS delta FROM unnest(tag_ids, deltas) AS d(tag_id, delta)
    GROUP BY d.tag_id HAVING sum(d.delta) <> 0 ORDER BY d.tag_id
  LOOP
    UPDATE "tags" SET "live_article_count" = "live_article_count" + change.delta WHERE "id" = change.tag_id;
  END LOOP;
END $$;--> statement-breakpoint
CREATE FUNCTION "article_tags_count_live"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tag_ids uuid[] := '{}';
  deltas integer[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT tag_ids || coalesce(array_agg(n."tag_id"), '{}'), deltas || coalesce(array_agg(1), '{}') INTO tag_ids, deltas
    FROM added AS n WHERE n."live_published_at" IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT tag_ids || coalesce(array_agg(o."tag_id"), '{}'), deltas || coalesce(array_agg(-1), '{}') INTO tag_ids, deltas
    FROM removed AS o WHERE o."live_published_at" IS NOT NULL;
  END IF;
  PERFORM "tags_add_live_counts"(tag_ids, deltas);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "article_tags_count_live_insert" AFTER INSERT ON "article_tags"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "article_tags_count_live"();--> statement-breakpoint
CREATE TRIGGER "article_tags_count_live_update" AFTER UPDATE ON "article_tags"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "article_tags_count_live"();--> statement-breakpoint
CREATE TRIGGER "article_tags_count_live_delete" AFTER DELETE ON "article_tags"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "article_tags_count_live"();
