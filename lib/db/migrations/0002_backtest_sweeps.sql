ALTER TABLE "backtests" ADD COLUMN "mode" text DEFAULT 'single' NOT NULL;--> statement-breakpoint
ALTER TABLE "backtests" ADD COLUMN "sweep_spec" jsonb;--> statement-breakpoint
ALTER TABLE "backtests" ADD COLUMN "sweep_result" jsonb;