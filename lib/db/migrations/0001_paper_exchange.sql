CREATE TYPE "public"."exchange_venue" AS ENUM('paper', 'binance', 'alpaca');--> statement-breakpoint
CREATE TYPE "public"."paper_liquidity" AS ENUM('maker', 'taker');--> statement-breakpoint
CREATE TYPE "public"."paper_oco_leg" AS ENUM('take-profit', 'stop-loss');--> statement-breakpoint
CREATE TYPE "public"."paper_oco_status" AS ENUM('open', 'done', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."paper_order_side" AS ENUM('buy', 'sell');--> statement-breakpoint
CREATE TYPE "public"."paper_order_status" AS ENUM('open', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired');--> statement-breakpoint
CREATE TYPE "public"."paper_order_type" AS ENUM('market', 'limit', 'stop-limit', 'stop-market');--> statement-breakpoint
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
ALTER TABLE "exchange_accounts" ADD CONSTRAINT "exchange_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_balances" ADD CONSTRAINT "paper_balances_account_id_exchange_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_fills" ADD CONSTRAINT "paper_fills_account_id_exchange_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_fills" ADD CONSTRAINT "paper_fills_order_id_paper_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."paper_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_oco_lists" ADD CONSTRAINT "paper_oco_lists_account_id_exchange_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_orders" ADD CONSTRAINT "paper_orders_account_id_exchange_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."exchange_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_orders" ADD CONSTRAINT "paper_orders_oco_id_paper_oco_lists_id_fk" FOREIGN KEY ("oco_id") REFERENCES "public"."paper_oco_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_accounts_user_idx" ON "exchange_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_accounts_one_paper_idx" ON "exchange_accounts" USING btree ("user_id") WHERE venue = 'paper';--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_accounts_one_default_idx" ON "exchange_accounts" USING btree ("user_id") WHERE is_default;--> statement-breakpoint
CREATE INDEX "paper_fills_account_symbol_time_idx" ON "paper_fills" USING btree ("account_id","symbol","time");--> statement-breakpoint
CREATE INDEX "paper_fills_order_idx" ON "paper_fills" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_oco_lists_client_id_idx" ON "paper_oco_lists" USING btree ("account_id","client_oco_id");--> statement-breakpoint
CREATE INDEX "paper_oco_lists_open_idx" ON "paper_oco_lists" USING btree ("account_id") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "paper_orders_client_id_idx" ON "paper_orders" USING btree ("account_id","client_order_id");--> statement-breakpoint
CREATE INDEX "paper_orders_open_idx" ON "paper_orders" USING btree ("account_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "paper_orders_oco_idx" ON "paper_orders" USING btree ("oco_id");