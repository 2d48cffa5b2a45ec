CREATE TABLE "ai_sentiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by" uuid,
	"provider" "ai_provider" NOT NULL,
	"model" text NOT NULL,
	"symbols" jsonb NOT NULL,
	"sentiment" jsonb NOT NULL,
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
ALTER TABLE "ai_sentiments" ADD CONSTRAINT "ai_sentiments_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_sentiments_time_idx" ON "ai_sentiments" USING btree ("created_at");