CREATE TYPE "public"."backtest_data_source" AS ENUM('simulated', 'stored');--> statement-breakpoint
CREATE TYPE "public"."backtest_status" AS ENUM('queued', 'running', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "backtests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" "backtest_status" DEFAULT 'queued' NOT NULL,
	"strategy_id" text NOT NULL,
	"strategy_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"venue" text DEFAULT 'binance' NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text NOT NULL,
	"data_source" "backtest_data_source" DEFAULT 'simulated' NOT NULL,
	"range_from" timestamp with time zone NOT NULL,
	"range_to" timestamp with time zone NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"error" text,
	"config" jsonb,
	"metrics" jsonb,
	"buy_and_hold" jsonb,
	"stats" jsonb,
	"curves" jsonb,
	"trades" jsonb,
	"gaps" jsonb,
	"trade_count" integer,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backtests_user_created_idx" ON "backtests" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "backtests_queued_idx" ON "backtests" USING btree ("created_at") WHERE "backtests"."status" in ('queued', 'running');