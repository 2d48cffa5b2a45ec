CREATE TYPE "public"."user_role" AS ENUM('admin', 'trader');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('active', 'disabled');--> statement-breakpoint
CREATE TYPE "public"."log_level" AS ENUM('debug', 'info', 'warn', 'error');--> statement-breakpoint
CREATE TYPE "public"."exchange_venue" AS ENUM('paper', 'binance', 'alpaca');--> statement-breakpoint
CREATE TYPE "public"."paper_liquidity" AS ENUM('maker', 'taker');--> statement-breakpoint
CREATE TYPE "public"."paper_oco_leg" AS ENUM('take-profit', 'stop-loss');--> statement-breakpoint
CREATE TYPE "public"."paper_oco_status" AS ENUM('open', 'done', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."paper_order_side" AS ENUM('buy', 'sell');--> statement-breakpoint
CREATE TYPE "public"."paper_order_status" AS ENUM('open', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired');--> statement-breakpoint
CREATE TYPE "public"."paper_order_type" AS ENUM('market', 'limit', 'stop-limit', 'stop-market');--> statement-breakpoint
CREATE TYPE "public"."candle_source" AS ENUM('live', 'simulated', 'csv');--> statement-breakpoint
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
CREATE TYPE "public"."ai_decided_by" AS ENUM('provider', 'cache', 'rules_fallback', 'hold_fallback');--> statement-breakpoint
CREATE TYPE "public"."ai_fallback" AS ENUM('hold', 'rules');--> statement-breakpoint
CREATE TYPE "public"."ai_openai_api" AS ENUM('chat', 'responses');--> statement-breakpoint
CREATE TYPE "public"."ai_provider" AS ENUM('openai', 'gemini', 'rules');--> statement-breakpoint
CREATE TYPE "public"."ai_version_status" AS ENUM('draft', 'active');--> statement-breakpoint
CREATE TYPE "public"."backtest_data_source" AS ENUM('simulated', 'stored');--> statement-breakpoint
CREATE TYPE "public"."backtest_status" AS ENUM('queued', 'running', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"success" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" DEFAULT 'trader' NOT NULL,
	"status" "user_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_logs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"time" timestamp with time zone DEFAULT now() NOT NULL,
	"level" "log_level" NOT NULL,
	"source" text NOT NULL,
	"message" text NOT NULL,
	"context" jsonb
);
--> statement-breakpoint
CREATE TABLE "worker_heartbeats" (
	"id" text PRIMARY KEY NOT NULL,
	"hostname" text NOT NULL,
	"pid" integer NOT NULL,
	"version" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_beat_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exchange_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"venue" "exchange_venue" NOT NULL,
	"label" text NOT NULL,
	"is_testnet" boolean DEFAULT false NOT NULL,
	"api_key_ciphertext" text,
	"api_secret_ciphertext" text,
	"key_id" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_balances" (
	"account_id" uuid NOT NULL,
	"asset" text NOT NULL,
	"free" numeric(38, 18) DEFAULT '0' NOT NULL,
	"locked" numeric(38, 18) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paper_balances_account_id_asset_pk" PRIMARY KEY("account_id","asset")
);
--> statement-breakpoint
CREATE TABLE "paper_fills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"account_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	"side" "paper_order_side" NOT NULL,
	"price" numeric(38, 18) NOT NULL,
	"quantity" numeric(38, 18) NOT NULL,
	"quote_amount" numeric(38, 18) NOT NULL,
	"fee" numeric(38, 18) NOT NULL,
	"fee_asset" text NOT NULL,
	"liquidity" "paper_liquidity" NOT NULL,
	"time" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_oco_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"account_id" uuid NOT NULL,
	"client_oco_id" text NOT NULL,
	"symbol" text NOT NULL,
	"status" "paper_oco_status" DEFAULT 'open' NOT NULL,
	"locked_asset" text NOT NULL,
	"locked_amount" numeric(38, 18) DEFAULT '0' NOT NULL,
	"checked_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"account_id" uuid NOT NULL,
	"client_order_id" text NOT NULL,
	"symbol" text NOT NULL,
	"side" "paper_order_side" NOT NULL,
	"type" "paper_order_type" NOT NULL,
	"status" "paper_order_status" NOT NULL,
	"quantity" numeric(38, 18) NOT NULL,
	"filled_quantity" numeric(38, 18) DEFAULT '0' NOT NULL,
	"price" numeric(38, 18),
	"stop_price" numeric(38, 18),
	"average_price" numeric(38, 18),
	"fee" numeric(38, 18) DEFAULT '0' NOT NULL,
	"fee_asset" text,
	"oco_id" uuid,
	"oco_leg" "paper_oco_leg",
	"triggered" boolean DEFAULT false NOT NULL,
	"locked_asset" text,
	"locked_amount" numeric(38, 18) DEFAULT '0' NOT NULL,
	"checked_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
	"entry_cost" numeric(38, 18) NOT NULL,
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
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
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
CREATE TABLE "risk_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kill_switch" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "socket_io_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	"payload" "bytea"
);
--> statement-breakpoint
CREATE TABLE "ai_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"bot_id" uuid,
	"strategy_version_id" uuid,
	"symbol" text,
	"timeframe" text,
	"provider" "ai_provider" NOT NULL,
	"model" text NOT NULL,
	"decided_by" "ai_decided_by" NOT NULL,
	"prompt" text NOT NULL,
	"raw_response" text,
	"parsed" jsonb,
	"validation_errors" jsonb,
	"input_tokens" integer DEFAULT 0 NOT NULL,
	"cached_input_tokens" integer DEFAULT 0 NOT NULL,
	"output_tokens" integer DEFAULT 0 NOT NULL,
	"estimated_input_tokens" integer DEFAULT 0 NOT NULL,
	"cost" numeric(38, 18) DEFAULT '0' NOT NULL,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"provider_calls" integer DEFAULT 0 NOT NULL,
	"cache_hit" boolean DEFAULT false NOT NULL,
	"cache_key" text NOT NULL,
	"error" text,
	"action" text NOT NULL,
	"confidence" integer DEFAULT 0 NOT NULL,
	"signal_id" uuid,
	"order_id" uuid,
	"position_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_model_prices" (
	"provider" "ai_provider" NOT NULL,
	"model" text NOT NULL,
	"input_per_mtok" numeric(38, 18) NOT NULL,
	"cached_input_per_mtok" numeric(38, 18) NOT NULL,
	"output_per_mtok" numeric(38, 18) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_model_prices_provider_model_pk" PRIMARY KEY("provider","model")
);
--> statement-breakpoint
CREATE TABLE "ai_reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"bot_id" uuid,
	"strategy_version_id" uuid,
	"findings" jsonb NOT NULL,
	"draft_version_id" uuid,
	"provider" "ai_provider" NOT NULL,
	"model" text NOT NULL,
	"prompt" text NOT NULL,
	"raw_response" text,
	"input_tokens" integer DEFAULT 0 NOT NULL,
	"cached_input_tokens" integer DEFAULT 0 NOT NULL,
	"output_tokens" integer DEFAULT 0 NOT NULL,
	"cost" numeric(38, 18) DEFAULT '0' NOT NULL,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"provider" "ai_provider" DEFAULT 'rules' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"api_key_ciphertext" text,
	"base_url" text,
	"openai_api" "ai_openai_api" DEFAULT 'chat' NOT NULL,
	"timeout_ms" integer DEFAULT 20000 NOT NULL,
	"daily_budget_usd" numeric(38, 18),
	"fallback" "ai_fallback" DEFAULT 'hold' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_settings_timeout_ms_check" CHECK ("ai_settings"."timeout_ms" between 1000 and 300000)
);
--> statement-breakpoint
CREATE TABLE "ai_strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_strategy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"system_prompt" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"provider" "ai_provider",
	"model" text,
	"status" "ai_version_status" DEFAULT 'active' NOT NULL,
	"based_on_version_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_leases" (
	"key" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"bot_id" uuid,
	"require_signature" boolean DEFAULT false NOT NULL,
	"allowed_ips" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
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
ALTER TABLE "exchange_accounts" ADD CONSTRAINT "exchange_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_balances" ADD CONSTRAINT "paper_balances_account_id_exchange_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_fills" ADD CONSTRAINT "paper_fills_account_id_exchange_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_fills" ADD CONSTRAINT "paper_fills_order_id_paper_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."paper_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_oco_lists" ADD CONSTRAINT "paper_oco_lists_account_id_exchange_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_orders" ADD CONSTRAINT "paper_orders_account_id_exchange_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_orders" ADD CONSTRAINT "paper_orders_oco_id_paper_oco_lists_id_fk" FOREIGN KEY ("oco_id") REFERENCES "public"."paper_oco_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "equity_snapshots" ADD CONSTRAINT "equity_snapshots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_settings" ADD CONSTRAINT "risk_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_decisions" ADD CONSTRAINT "ai_decisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_decisions" ADD CONSTRAINT "ai_decisions_strategy_version_id_ai_strategy_versions_id_fk" FOREIGN KEY ("strategy_version_id") REFERENCES "public"."ai_strategy_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_reflections" ADD CONSTRAINT "ai_reflections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_reflections" ADD CONSTRAINT "ai_reflections_strategy_version_id_ai_strategy_versions_id_fk" FOREIGN KEY ("strategy_version_id") REFERENCES "public"."ai_strategy_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_reflections" ADD CONSTRAINT "ai_reflections_draft_version_id_ai_strategy_versions_id_fk" FOREIGN KEY ("draft_version_id") REFERENCES "public"."ai_strategy_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_settings" ADD CONSTRAINT "ai_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_strategies" ADD CONSTRAINT "ai_strategies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_strategy_versions" ADD CONSTRAINT "ai_strategy_versions_strategy_id_ai_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."ai_strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_strategy_versions" ADD CONSTRAINT "ai_strategy_versions_based_on_version_id_ai_strategy_versions_id_fk" FOREIGN KEY ("based_on_version_id") REFERENCES "public"."ai_strategy_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_tokens" ADD CONSTRAINT "webhook_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_tokens" ADD CONSTRAINT "webhook_tokens_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_email_time_idx" ON "login_attempts" USING btree ("email","created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_time_idx" ON "login_attempts" USING btree ("ip","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "system_logs_time_idx" ON "system_logs" USING btree ("time");--> statement-breakpoint
CREATE INDEX "system_logs_source_time_idx" ON "system_logs" USING btree ("source","time");--> statement-breakpoint
CREATE INDEX "exchange_accounts_user_idx" ON "exchange_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_accounts_one_paper_idx" ON "exchange_accounts" USING btree ("user_id") WHERE venue = 'paper';--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_accounts_one_default_idx" ON "exchange_accounts" USING btree ("user_id") WHERE is_default;--> statement-breakpoint
CREATE INDEX "paper_fills_account_symbol_time_idx" ON "paper_fills" USING btree ("account_id","symbol","time");--> statement-breakpoint
CREATE INDEX "paper_fills_order_idx" ON "paper_fills" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_oco_lists_client_id_idx" ON "paper_oco_lists" USING btree ("account_id","client_oco_id");--> statement-breakpoint
CREATE INDEX "paper_oco_lists_open_idx" ON "paper_oco_lists" USING btree ("account_id") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "paper_orders_client_id_idx" ON "paper_orders" USING btree ("account_id","client_order_id");--> statement-breakpoint
CREATE INDEX "paper_orders_open_idx" ON "paper_orders" USING btree ("account_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "paper_orders_oco_idx" ON "paper_orders" USING btree ("oco_id");--> statement-breakpoint
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
CREATE UNIQUE INDEX "signals_dedupe_idx" ON "signals" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "signals_ai_decision_idx" ON "signals" USING btree ("ai_decision_id");--> statement-breakpoint
CREATE INDEX "equity_snapshots_account_time_idx" ON "equity_snapshots" USING btree ("exchange_account_id","time");--> statement-breakpoint
CREATE INDEX "ai_decisions_user_time_idx" ON "ai_decisions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_decisions_cache_key_idx" ON "ai_decisions" USING btree ("cache_key");--> statement-breakpoint
CREATE INDEX "ai_decisions_bot_time_idx" ON "ai_decisions" USING btree ("bot_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_decisions_version_idx" ON "ai_decisions" USING btree ("strategy_version_id");--> statement-breakpoint
CREATE INDEX "ai_reflections_user_time_idx" ON "ai_reflections" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_strategies_user_idx" ON "ai_strategies" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_strategies_one_default_idx" ON "ai_strategies" USING btree ("user_id") WHERE is_default;--> statement-breakpoint
CREATE UNIQUE INDEX "ai_strategy_versions_number_idx" ON "ai_strategy_versions" USING btree ("strategy_id","version");--> statement-breakpoint
CREATE INDEX "ai_strategy_versions_based_on_idx" ON "ai_strategy_versions" USING btree ("based_on_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "access_tokens_hash_idx" ON "access_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "access_tokens_user_idx" ON "access_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_tokens_hash_idx" ON "webhook_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "webhook_tokens_user_idx" ON "webhook_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "backtests_user_created_idx" ON "backtests" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "backtests_queued_idx" ON "backtests" USING btree ("created_at") WHERE "backtests"."status" in ('queued', 'running');