ALTER TABLE "signals" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "signals_ai_decision_idx" ON "signals" USING btree ("ai_decision_id");