CREATE TYPE "public"."candle_source" AS ENUM('live', 'simulated', 'csv');--> statement-breakpoint
CREATE TABLE "candles" (
	"venue" text NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text NOT NULL,
	"open_time" timestamp with time zone NOT NULL,
	"open" numeric(38, 18) NOT NULL,
	"high" numeric(38, 18) NOT NULL,
	"low" numeric(38, 18) NOT NULL,
	"close" numeric(38, 18) NOT NULL,
	"volume" numeric(38, 18) NOT NULL,
	"source" "candle_source" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candles_pkey" PRIMARY KEY("venue","symbol","timeframe","open_time"),
	CONSTRAINT "candles_ohlc_check" CHECK ("candles"."low" <= least("candles"."open", "candles"."close") and "candles"."high" >= greatest("candles"."open", "candles"."close") and "candles"."volume" >= 0)
);
--> statement-breakpoint
CREATE TABLE "equity_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"exchange_account_id" uuid NOT NULL,
	"time" timestamp with time zone DEFAULT now() NOT NULL,
	"equity" numeric(38, 18) NOT NULL,
	"cash" numeric(38, 18) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "equity_snapshots" ADD CONSTRAINT "equity_snapshots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "equity_snapshots_account_time_idx" ON "equity_snapshots" USING btree ("exchange_account_id","time");