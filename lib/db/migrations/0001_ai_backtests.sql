ALTER TABLE "ai_decisions" ADD COLUMN "backtest_id" uuid;--> statement-breakpoint
ALTER TABLE "ai_model_prices" ADD COLUMN "training_cutoff" date;--> statement-breakpoint
ALTER TABLE "backtests" ADD COLUMN "ai_strategy_version_id" uuid;--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_ai_strategy_version_id_ai_strategy_versions_id_fk" FOREIGN KEY ("ai_strategy_version_id") REFERENCES "public"."ai_strategy_versions"("id") ON DELETE set null ON UPDATE no action;