CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"ubigeo" text,
	CONSTRAINT "institutions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "system_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"institution_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"ubigeo" text,
	"department_code" text,
	CONSTRAINT "units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"institution_id" uuid NOT NULL,
	"unit_id" uuid,
	"roles" text[] NOT NULL,
	"scope_national" boolean DEFAULT false NOT NULL,
	"scope_departments" text[] DEFAULT '{}' NOT NULL,
	"is_service_account" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone,
	"locale" text DEFAULT 'es' NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"institution_id" uuid,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"reason" text,
	"request_id" text,
	"ip" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ubigeo" (
	"code" text PRIMARY KEY NOT NULL,
	"level" smallint NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"department_code" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"unit_id" uuid,
	"basis" text NOT NULL,
	"victim_ids" uuid[],
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"unit_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ubigeo" text,
	"country" text NOT NULL,
	"department_code" text
);
--> statement-breakpoint
CREATE TABLE "case_suspects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"roles" text[] DEFAULT '{}' NOT NULL,
	"relationship_to_victims" text,
	"is_public_official" boolean DEFAULT false NOT NULL,
	"official_institution" text,
	"organised_group_member" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_victims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"identification_status" text DEFAULT 'possible_victim' NOT NULL,
	"identified_by_institution_id" uuid,
	"identified_on" date,
	"age_years" integer,
	"age_estimated" boolean DEFAULT false NOT NULL,
	"age_verified" boolean DEFAULT false NOT NULL,
	"age_band" text,
	"exploitation_forms" text[] DEFAULT '{}' NOT NULL,
	"means" text[] DEFAULT '{}' NOT NULL,
	"relationship_to_recruiter" text,
	"months_in_exploitation" integer,
	"consent_to_services" boolean,
	"consent_to_data_sharing" boolean
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"external_id" text,
	"institution_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"department_code" text,
	"registered_by" uuid,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"reported_on" date NOT NULL,
	"facts_date_from" text,
	"facts_date_to" text,
	"facts_start" date,
	"facts_end" date,
	"acts" text[] DEFAULT '{}' NOT NULL,
	"means" text[] DEFAULT '{}' NOT NULL,
	"purposes" text[] DEFAULT '{}' NOT NULL,
	"sexual_exploitation_subtypes" text[] DEFAULT '{}' NOT NULL,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"recruitment_methods" text[] DEFAULT '{}' NOT NULL,
	"transport_modes" text[] DEFAULT '{}' NOT NULL,
	"is_international" boolean DEFAULT false NOT NULL,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"organised_crime" boolean DEFAULT false NOT NULL,
	"public_official_involved" boolean DEFAULT false NOT NULL,
	"initial_legal_qualification" text,
	"narrative_enc" text,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"external_id" text,
	"created_by_institution_id" uuid NOT NULL,
	"identity_enc" text,
	"document_hash" text,
	"name_hash" text,
	"name_token_hashes" text[] DEFAULT '{}' NOT NULL,
	"sex" text DEFAULT 'unknown' NOT NULL,
	"gender_identity" text,
	"birth_year" integer,
	"nationalities" text[] DEFAULT '{}' NOT NULL,
	"indigenous_people" text,
	"native_language" text,
	"origin_ubigeo" text,
	"origin_country" text,
	"education" text,
	"disability" boolean,
	"has_identity_document" text DEFAULT 'unknown' NOT NULL,
	"merged_into_id" uuid
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_places" ADD CONSTRAINT "case_places_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_suspects" ADD CONSTRAINT "case_suspects_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_suspects" ADD CONSTRAINT "case_suspects_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_victims" ADD CONSTRAINT "case_victims_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_victims" ADD CONSTRAINT "case_victims_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_victims" ADD CONSTRAINT "case_victims_identified_by_institution_id_institutions_id_fk" FOREIGN KEY ("identified_by_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_institution_id_institutions_id_fk" FOREIGN KEY ("created_by_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "units_institution_idx" ON "units" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "units_ubigeo_idx" ON "units" USING btree ("ubigeo");--> statement-breakpoint
CREATE INDEX "users_institution_idx" ON "users" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "ubigeo_parent_idx" ON "ubigeo" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "case_access_case_idx" ON "case_access" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_access_institution_idx" ON "case_access" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_places_case_idx" ON "case_places" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_places_department_idx" ON "case_places" USING btree ("department_code");--> statement-breakpoint
CREATE UNIQUE INDEX "case_suspects_unique" ON "case_suspects" USING btree ("case_id","person_id");--> statement-breakpoint
CREATE INDEX "case_suspects_person_idx" ON "case_suspects" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_victims_unique" ON "case_victims" USING btree ("case_id","person_id");--> statement-breakpoint
CREATE INDEX "case_victims_person_idx" ON "case_victims" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_external_idx" ON "cases" USING btree ("institution_id","external_id");--> statement-breakpoint
CREATE INDEX "cases_institution_idx" ON "cases" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "cases_unit_idx" ON "cases" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "cases_department_idx" ON "cases" USING btree ("department_code");--> statement-breakpoint
CREATE INDEX "cases_registered_idx" ON "cases" USING btree ("registered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_external_idx" ON "persons" USING btree ("created_by_institution_id","external_id");--> statement-breakpoint
CREATE INDEX "persons_document_idx" ON "persons" USING btree ("document_hash");--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name_hash");