CREATE TYPE "public"."donation_frequency" AS ENUM('once', 'monthly', 'annually');--> statement-breakpoint
CREATE TYPE "public"."donation_status" AS ENUM('pending', 'paid', 'partially_refunded', 'refunded', 'failed', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."recurring_gift_status" AS ENUM('pending', 'active', 'past_due', 'paused', 'cancelled', 'abandoned');--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text,
	"frequency" "donation_frequency" NOT NULL,
	"recurring_gift_id" uuid,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"status" "donation_status" DEFAULT 'pending' NOT NULL,
	"refunded_amount" integer DEFAULT 0 NOT NULL,
	"donor_name" text DEFAULT '' NOT NULL,
	"donor_email" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"test" boolean NOT NULL,
	"stripe_checkout_session_id" text,
	"stripe_payment_intent_id" text,
	"stripe_invoice_id" text,
	"stripe_customer_id" text,
	"paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_amount_check" CHECK ("donations"."amount" > 0),
	CONSTRAINT "donations_refunded_check" CHECK ("donations"."refunded_amount" >= 0 and "donations"."refunded_amount" <= "donations"."amount"),
	CONSTRAINT "donations_currency_check" CHECK ("donations"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "recurring_gifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"frequency" "donation_frequency" NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"status" "recurring_gift_status" DEFAULT 'pending' NOT NULL,
	"donor_name" text DEFAULT '' NOT NULL,
	"donor_email" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"test" boolean NOT NULL,
	"stripe_checkout_session_id" text,
	"stripe_subscription_id" text,
	"stripe_customer_id" text,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"current_period_end" timestamp with time zone,
	"started_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"stripe_event_at" timestamp with time zone,
	"manage_link_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recurring_gifts_amount_check" CHECK ("recurring_gifts"."amount" > 0),
	CONSTRAINT "recurring_gifts_currency_check" CHECK ("recurring_gifts"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "recurring_gifts_frequency_check" CHECK ("recurring_gifts"."frequency" <> 'once')
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"livemode" boolean NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_recurring_gift_id_recurring_gifts_id_fk" FOREIGN KEY ("recurring_gift_id") REFERENCES "public"."recurring_gifts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "donations_ref_key" ON "donations" USING btree ("ref");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_checkout_session_key" ON "donations" USING btree ("stripe_checkout_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_payment_intent_key" ON "donations" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_invoice_key" ON "donations" USING btree ("stripe_invoice_id");--> statement-breakpoint
CREATE INDEX "donations_paid_idx" ON "donations" USING btree ("paid_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "donations_created_idx" ON "donations" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "donations_gift_idx" ON "donations" USING btree ("recurring_gift_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recurring_gifts_ref_key" ON "recurring_gifts" USING btree ("ref");--> statement-breakpoint
CREATE UNIQUE INDEX "recurring_gifts_checkout_session_key" ON "recurring_gifts" USING btree ("stripe_checkout_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recurring_gifts_subscription_key" ON "recurring_gifts" USING btree ("stripe_subscription_id");--> statement-breakpoint
CREATE INDEX "recurring_gifts_status_idx" ON "recurring_gifts" USING btree ("status","currency","frequency");--> statement-breakpoint
CREATE INDEX "recurring_gifts_email_idx" ON "recurring_gifts" USING btree ("donor_email");