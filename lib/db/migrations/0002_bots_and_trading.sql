CREATE TYPE "public"."bot_status" AS ENUM('stopped', 'running', 'paused');--> statement-breakpoint
CREATE TYPE "public"."cycle_outcome" AS ENUM('running', 'decided', 'managed', 'skipped', 'error');--> statement-breakpoint
CREATE TYPE "public"."sizing_mode" AS ENUM('fixed', 'risk', 'compounding');--> statement-breakpoint
CREATE TYPE "public"."strategy_kind" AS ENUM('rule', 'ai');--> statement-breakpoint
CREATE TYPE "public"."exit_reason" AS ENUM('take_profit', 'stop_loss', 'timeout', 'manual', 'signal', 'reconcile');--> statement-breakpoint
CREATE TYPE "public"."order_role" AS ENUM('entry', 'take_profit', 'stop_loss', 'exit');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('intent', 'open', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."position_status" AS ENUM('open', 'closing', 'closed');--> statement-breakpoint
CREATE TYPE "public"."protection_kind" AS ENUM('native_oco', 'emulated', 'none');--> statement-breakpoint
CREATE TYPE "public"."signal_action" AS ENUM('buy', 'sell', 'close');--> statement-breakpoint
CREATE TYPE "public"."signal_source" AS ENUM('strategy', 'ai', 'tradingview', 'manual', 'api');--> statement-breakpoint
CREATE TYPE "public"."signal_status" AS ENUM('queued', 'executing', 'executed', 'rejected', 'duplicate', 'failed');--> statement-breakpoint
CREATE TABLE "bot_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bot_id" uuid NOT NULL,
	"slot_at" timestamp with time zone NOT NULL,
	"worker_id" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"outcome" "cycle_outcome" DEFAULT 'running' NOT NULL,
	"action" text,
	"signal_id" uuid,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "bot_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bot_id" uuid NOT NULL,
	"time" timestamp with time zone DEFAULT now() NOT NULL,
	"level" text NOT NULL,
	"message" text NOT NULL,
	"context" jsonb
);
--> statement-breakpoint
CREATE TABLE "bots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"exchange_account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text NOT NULL,
	"interval_seconds" integer DEFAULT 60 NOT NULL,
	"strategy_kind" "strategy_kind" DEFAULT 'rule' NOT NULL,
	"strategy_id" text NOT NULL,
	"strategy_version_id" uuid,
	"strategy_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"trade_amount" numeric(38, 18) NOT NULL,
	"sizing_mode" "sizing_mode" DEFAULT 'fixed' NOT NULL,
	"stop_loss_pct" numeric(9, 4),
	"take_profit_pct" numeric(9, 4),
	"max_hold_minutes" integer,
	"risk_overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "bot_status" DEFAULT 'stopped' NOT NULL,
	"next_cycle_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"last_cycle_at" timestamp with time zone,
	"last_analysis_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"exchange_account_id" uuid NOT NULL,
	"signal_id" uuid,
	"position_id" uuid,
	"bot_id" uuid,
	"client_order_id" text NOT NULL,
	"exchange_order_id" text,
	"oco_id" text,
	"symbol" text NOT NULL,
	"side" text NOT NULL,
	"type" text NOT NULL,
	"role" "order_role" NOT NULL,
	"source" "signal_source" NOT NULL,
	"status" "order_status" DEFAULT 'intent' NOT NULL,
	"quantity" numeric(38, 18) NOT NULL,
	"price" numeric(38, 18),
	"stop_price" numeric(38, 18),
	"filled_quantity" numeric(38, 18) DEFAULT '0' NOT NULL,
	"average_price" numeric(38, 18),
	"fee" numeric(38, 18) DEFAULT '0' NOT NULL,
	"fee_asset" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"exchange_account_id" uuid NOT NULL,
	"bot_id" uuid,
	"signal_id" uuid,
	"symbol" text NOT NULL,
	"side" text DEFAULT 'long' NOT NULL,
	"status" "position_status" DEFAULT 'open' NOT NULL,
	"quantity" numeric(38, 18) NOT NULL,
	"entry_price" numeric(38, 18) NOT NULL,
	"entry_fee" numeric(38, 18) DEFAULT '0' NOT NULL,
	"take_profit" numeric(38, 18),
	"stop_loss" numeric(38, 18),
	"protection" "protection_kind" NOT NULL,
	"oco_client_id" text,
	"oco_exchange_id" text,
	"max_hold_until" timestamp with time zone,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"exit_price" numeric(38, 18),
	"exit_fee" numeric(38, 18),
	"exit_reason" "exit_reason",
	"realized_pnl" numeric(38, 18),
	"realized_pnl_pct" numeric(18, 8),
	"closed_at" timestamp with time zone,
	"duration_ms" integer
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"exchange_account_id" uuid NOT NULL,
	"bot_id" uuid,
	"source" "signal_source" NOT NULL,
	"symbol" text NOT NULL,
	"action" "signal_action" NOT NULL,
	"order_type" text DEFAULT 'market' NOT NULL,
	"quantity" numeric(38, 18),
	"quote_amount" numeric(38, 18),
	"price" numeric(38, 18),
	"stop_loss" numeric(38, 18),
	"take_profit" numeric(38, 18),
	"confidence" integer,
	"strategy" text,
	"timeframe" text,
	"reasoning" text,
	"dedupe_key" text,
	"payload" jsonb,
	"status" "signal_status" DEFAULT 'queued' NOT NULL,
	"reason" text,
	"risk_results" jsonb,
	"ai_decision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bot_cycles" ADD CONSTRAINT "bot_cycles_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_logs" ADD CONSTRAINT "bot_logs_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bots" ADD CONSTRAINT "bots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bots" ADD CONSTRAINT "bots_exchange_account_id_exchange_accounts_id_fk" FOREIGN KEY ("exchange_account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_exchange_account_id_exchange_accounts_id_fk" FOREIGN KEY ("exchange_account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_signal_id_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_exchange_account_id_exchange_accounts_id_fk" FOREIGN KEY ("exchange_account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_signal_id_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_exchange_account_id_exchange_accounts_id_fk" FOREIGN KEY ("exchange_account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bot_cycles_slot_idx" ON "bot_cycles" USING btree ("bot_id","slot_at");--> statement-breakpoint
CREATE INDEX "bot_cycles_started_idx" ON "bot_cycles" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "bot_logs_bot_time_idx" ON "bot_logs" USING btree ("bot_id","time");--> statement-breakpoint
CREATE INDEX "bots_user_idx" ON "bots" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "bots_due_idx" ON "bots" USING btree ("next_cycle_at") WHERE status = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "orders_client_order_id_idx" ON "orders" USING btree ("exchange_account_id","client_order_id");--> statement-breakpoint
CREATE INDEX "orders_user_time_idx" ON "orders" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_position_idx" ON "orders" USING btree ("position_id");--> statement-breakpoint
CREATE INDEX "positions_user_status_idx" ON "positions" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "positions_bot_idx" ON "positions" USING btree ("bot_id","status");--> statement-breakpoint
CREATE INDEX "positions_closed_idx" ON "positions" USING btree ("user_id","closed_at");--> statement-breakpoint
CREATE INDEX "signals_user_time_idx" ON "signals" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "signals_queued_idx" ON "signals" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signals_dedupe_idx" ON "signals" USING btree ("user_id","dedupe_key");