DROP INDEX "article_authors_user_idx";--> statement-breakpoint
DROP INDEX "article_tags_tag_idx";--> statement-breakpoint
DROP INDEX "articles_public_idx";--> statement-breakpoint
DROP INDEX "articles_section_idx";--> statement-breakpoint
CREATE INDEX "article_authors_user_article_idx" ON "article_authors" USING btree ("user_id","article_id");--> statement-breakpoint
CREATE INDEX "article_tags_tag_article_idx" ON "article_tags" USING btree ("tag_id","article_id");--> statement-breakpoint
CREATE INDEX "articles_public_order_idx" ON "articles" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "articles"."status" in ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX "articles_section_public_idx" ON "articles" USING btree ("section_id","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "articles"."status" in ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX "articles_author_public_idx" ON "articles" USING btree ("author_id","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "articles"."status" in ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX "articles_modified_public_idx" ON "articles" USING btree ("modified_at" DESC NULLS FIRST) WHERE "articles"."status" in ('published', 'scheduled') and "articles"."modified_at" is not null;--> statement-breakpoint
CREATE INDEX "articles_sitemap_idx" ON "articles" USING btree ("published_at","id") INCLUDE ("slug","modified_at") WHERE "articles"."status" in ('published', 'scheduled');