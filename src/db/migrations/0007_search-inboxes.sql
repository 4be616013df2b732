CREATE TABLE "inbox_reads" (
	"user_id" uuid NOT NULL,
	"inbox" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_reads_user_id_inbox_pk" PRIMARY KEY("user_id","inbox")
);
--> statement-breakpoint
ALTER TABLE "inbox_reads" ADD CONSTRAINT "inbox_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;