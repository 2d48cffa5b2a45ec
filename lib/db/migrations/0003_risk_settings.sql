CREATE TABLE "risk_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kill_switch" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "paper_fills" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "paper_oco_lists" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "paper_orders" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "positions" ADD COLUMN "entry_cost" numeric(38, 18) NOT NULL;--> statement-breakpoint
ALTER TABLE "risk_settings" ADD CONSTRAINT "risk_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;