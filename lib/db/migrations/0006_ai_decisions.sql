CREATE TYPE "public"."ai_decided_by" AS ENUM('provider', 'cache', 'rules_fallback', 'hold_fallback');--> statement-breakpoint
CREATE TYPE "public"."ai_fallback" AS ENUM('hold', 'rules');--> statement-breakpoint
CREATE TYPE "public"."ai_openai_api" AS ENUM('chat', 'responses');--> statement-breakpoint
CREATE TYPE "public"."ai_provider" AS ENUM('openai', 'gemini', 'rules');--> statement-breakpoint
CREATE TYPE "public"."ai_version_status" AS ENUM('draft', 'active');--> statement-breakpoint
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
ALTER TABLE "ai_decisions" ADD CONSTRAINT "ai_decisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_decisions" ADD CONSTRAINT "ai_decisions_strategy_version_id_ai_strategy_versions_id_fk" FOREIGN KEY ("strategy_version_id") REFERENCES "public"."ai_strategy_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_reflections" ADD CONSTRAINT "ai_reflections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_reflections" ADD CONSTRAINT "ai_reflections_strategy_version_id_ai_strategy_versions_id_fk" FOREIGN KEY ("strategy_version_id") REFERENCES "public"."ai_strategy_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_reflections" ADD CONSTRAINT "ai_reflections_draft_version_id_ai_strategy_versions_id_fk" FOREIGN KEY ("draft_version_id") REFERENCES "public"."ai_strategy_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_settings" ADD CONSTRAINT "ai_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_strategies" ADD CONSTRAINT "ai_strategies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_strategy_versions" ADD CONSTRAINT "ai_strategy_versions_strategy_id_ai_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."ai_strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_strategy_versions" ADD CONSTRAINT "ai_strategy_versions_based_on_version_id_ai_strategy_versions_id_fk" FOREIGN KEY ("based_on_version_id") REFERENCES "public"."ai_strategy_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_decisions_user_time_idx" ON "ai_decisions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_decisions_cache_key_idx" ON "ai_decisions" USING btree ("cache_key");--> statement-breakpoint
CREATE INDEX "ai_decisions_bot_time_idx" ON "ai_decisions" USING btree ("bot_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_decisions_version_idx" ON "ai_decisions" USING btree ("strategy_version_id");--> statement-breakpoint
CREATE INDEX "ai_reflections_user_time_idx" ON "ai_reflections" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_strategies_user_idx" ON "ai_strategies" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_strategies_one_default_idx" ON "ai_strategies" USING btree ("user_id") WHERE is_default;--> statement-breakpoint
CREATE UNIQUE INDEX "ai_strategy_versions_number_idx" ON "ai_strategy_versions" USING btree ("strategy_id","version");--> statement-breakpoint
CREATE INDEX "ai_strategy_versions_based_on_idx" ON "ai_strategy_versions" USING btree ("based_on_version_id");