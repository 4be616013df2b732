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
CREATE TABLE "case_code_sequences" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
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
	"registered_by_institution_id" uuid,
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
CREATE TABLE "legal_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"regime_id" uuid NOT NULL,
	"article_number" text NOT NULL,
	"title_code" text NOT NULL,
	"heading" text,
	"is_trafficking" boolean DEFAULT false NOT NULL,
	"is_lesser_offence" boolean DEFAULT false NOT NULL,
	"related_trafficking_article" text,
	"repealed_by_regime_id" uuid
);
--> statement-breakpoint
CREATE TABLE "legal_penalty_tiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"article_id" uuid NOT NULL,
	"tier_code" text NOT NULL,
	"min_months" integer NOT NULL,
	"max_months" integer,
	"suspension_allowed" boolean DEFAULT false NOT NULL,
	"confirmed_in_primary_source" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_regimes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"country" text DEFAULT 'PER' NOT NULL,
	"name" text NOT NULL,
	"in_force_from" date,
	"max_suspended_sentence_months" integer DEFAULT 48 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_event_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"article_id" uuid NOT NULL,
	"regime_id" uuid NOT NULL,
	"tier_code" text
);
--> statement-breakpoint
CREATE TABLE "justice_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"suspect_id" uuid NOT NULL,
	"type" text NOT NULL,
	"stage" text NOT NULL,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"institution_id" uuid NOT NULL,
	"unit_id" uuid,
	"external_id" text,
	"document_number" text,
	"prosecutor_office" text,
	"court" text,
	"receiving_institution_id" uuid,
	"receiving_unit_id" uuid,
	"archive_reason" text,
	"decision" text,
	"appeal_outcome" text,
	"sentence_months" integer,
	"sentence_effective" boolean,
	"fine_amount" numeric(14, 2),
	"reparation_amount" numeric(14, 2),
	"currency" text,
	"country" text,
	"supersedes_event_id" uuid
);
--> statement-breakpoint
CREATE TABLE "match_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"person_a_id" uuid NOT NULL,
	"person_b_id" uuid NOT NULL,
	"reasons" text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"merged_person_id" uuid,
	"survivor_person_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "match_candidates_ordered" CHECK ("match_candidates"."person_a_id" < "match_candidates"."person_b_id")
);
--> statement-breakpoint
CREATE TABLE "referral_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"case_victim_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"provided_by_institution_id" uuid NOT NULL,
	"provided_by_unit_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"external_id" text,
	"case_id" uuid NOT NULL,
	"case_victim_id" uuid NOT NULL,
	"from_institution_id" uuid NOT NULL,
	"from_unit_id" uuid,
	"to_institution_id" uuid NOT NULL,
	"to_unit_id" uuid,
	"service_type" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"consent_source" text NOT NULL,
	"requested_on" date NOT NULL,
	"accepted_at" timestamp with time zone,
	"provided_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"decline_reason" text,
	"outcome" text,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "shelter_stays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shelter_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"case_victim_id" uuid NOT NULL,
	"referral_id" uuid,
	"check_in_on" date NOT NULL,
	"check_out_on" date,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "shelters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"unit_id" uuid,
	"ubigeo" text,
	"department_code" text,
	"capacity_beds" integer NOT NULL,
	"target_population" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	CONSTRAINT "shelters_capacity_positive" CHECK ("shelters"."capacity_beds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "victim_reparations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"case_victim_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ordered_amount" numeric(14, 2) NOT NULL,
	"paid_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"currency" text DEFAULT 'PEN' NOT NULL,
	"ordered_on" date,
	"paid_on" date,
	"institution_id" uuid NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victim_repatriations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"case_victim_id" uuid NOT NULL,
	"from_country" text NOT NULL,
	"to_country" text NOT NULL,
	"repatriated_on" date NOT NULL,
	"institution_id" uuid NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victim_residency_permits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"case_victim_id" uuid NOT NULL,
	"permit_type" text NOT NULL,
	"granted_on" date NOT NULL,
	"expires_on" date,
	"institution_id" uuid NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"external_id" text,
	"institution_id" uuid NOT NULL,
	"unit_id" uuid,
	"department_code" text,
	"registered_by" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"caller_type" text NOT NULL,
	"classification" text NOT NULL,
	"ubigeo" text,
	"place_department" text,
	"country" text,
	"summary_enc" text,
	"status" text NOT NULL,
	"referred_unit_id" uuid,
	"referred_institution_id" uuid,
	"referred_at" timestamp with time zone,
	"referral_mode" text,
	"referral_level" text,
	"linked_case_id" uuid,
	"linked_at" timestamp with time zone,
	"arrests" integer,
	"closed_reason" text,
	"closed_at" timestamp with time zone,
	"outcome_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "operation_cases" (
	"operation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"linked_by" uuid,
	CONSTRAINT "operation_cases_operation_id_case_id_pk" PRIMARY KEY("operation_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"external_id" text,
	"institution_id" uuid NOT NULL,
	"unit_id" uuid,
	"department_code" text,
	"registered_by" uuid,
	"operation_date" date NOT NULL,
	"type" text NOT NULL,
	"ubigeo" text NOT NULL,
	"place_department" text NOT NULL,
	"persons_found" integer DEFAULT 0 NOT NULL,
	"minors_found" integer DEFAULT 0 NOT NULL,
	"victims_identified" integer DEFAULT 0 NOT NULL,
	"arrests" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prevention_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"external_id" text,
	"institution_id" uuid NOT NULL,
	"unit_id" uuid,
	"department_code" text,
	"registered_by" uuid,
	"activity_date" date NOT NULL,
	"type" text NOT NULL,
	"title" text,
	"audiences" text[] DEFAULT '{}' NOT NULL,
	"ubigeo" text NOT NULL,
	"place_department" text NOT NULL,
	"participants_total" integer DEFAULT 0 NOT NULL,
	"participants_female" integer DEFAULT 0 NOT NULL,
	"participants_male" integer DEFAULT 0 NOT NULL,
	"participants_unknown" integer DEFAULT 0 NOT NULL,
	"participants_by_institution" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_prosecution_district_areas" (
	"prefix" text PRIMARY KEY NOT NULL,
	"district_code" text NOT NULL,
	"district_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'annual' NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"definitions_version" text NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
ALTER TABLE "cases" ADD CONSTRAINT "cases_registered_by_institution_id_institutions_id_fk" FOREIGN KEY ("registered_by_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_institution_id_institutions_id_fk" FOREIGN KEY ("created_by_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_articles" ADD CONSTRAINT "legal_articles_regime_id_legal_regimes_id_fk" FOREIGN KEY ("regime_id") REFERENCES "public"."legal_regimes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_articles" ADD CONSTRAINT "legal_articles_repealed_by_regime_id_legal_regimes_id_fk" FOREIGN KEY ("repealed_by_regime_id") REFERENCES "public"."legal_regimes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_penalty_tiers" ADD CONSTRAINT "legal_penalty_tiers_article_id_legal_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."legal_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_event_articles" ADD CONSTRAINT "justice_event_articles_event_id_justice_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."justice_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_event_articles" ADD CONSTRAINT "justice_event_articles_article_id_legal_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."legal_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_event_articles" ADD CONSTRAINT "justice_event_articles_regime_id_legal_regimes_id_fk" FOREIGN KEY ("regime_id") REFERENCES "public"."legal_regimes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_events" ADD CONSTRAINT "justice_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_events" ADD CONSTRAINT "justice_events_suspect_id_case_suspects_id_fk" FOREIGN KEY ("suspect_id") REFERENCES "public"."case_suspects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_events" ADD CONSTRAINT "justice_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_events" ADD CONSTRAINT "justice_events_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_events" ADD CONSTRAINT "justice_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_events" ADD CONSTRAINT "justice_events_receiving_institution_id_institutions_id_fk" FOREIGN KEY ("receiving_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_events" ADD CONSTRAINT "justice_events_receiving_unit_id_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_person_a_id_persons_id_fk" FOREIGN KEY ("person_a_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_person_b_id_persons_id_fk" FOREIGN KEY ("person_b_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_merged_person_id_persons_id_fk" FOREIGN KEY ("merged_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_survivor_person_id_persons_id_fk" FOREIGN KEY ("survivor_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_services" ADD CONSTRAINT "referral_services_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_services" ADD CONSTRAINT "referral_services_case_victim_id_case_victims_id_fk" FOREIGN KEY ("case_victim_id") REFERENCES "public"."case_victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_services" ADD CONSTRAINT "referral_services_provided_by_institution_id_institutions_id_fk" FOREIGN KEY ("provided_by_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_services" ADD CONSTRAINT "referral_services_provided_by_unit_id_units_id_fk" FOREIGN KEY ("provided_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_services" ADD CONSTRAINT "referral_services_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_victim_id_case_victims_id_fk" FOREIGN KEY ("case_victim_id") REFERENCES "public"."case_victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_institution_id_institutions_id_fk" FOREIGN KEY ("from_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_institution_id_institutions_id_fk" FOREIGN KEY ("to_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_shelter_id_shelters_id_fk" FOREIGN KEY ("shelter_id") REFERENCES "public"."shelters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_case_victim_id_case_victims_id_fk" FOREIGN KEY ("case_victim_id") REFERENCES "public"."case_victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelters" ADD CONSTRAINT "shelters_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelters" ADD CONSTRAINT "shelters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_reparations" ADD CONSTRAINT "victim_reparations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_reparations" ADD CONSTRAINT "victim_reparations_case_victim_id_case_victims_id_fk" FOREIGN KEY ("case_victim_id") REFERENCES "public"."case_victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_reparations" ADD CONSTRAINT "victim_reparations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_reparations" ADD CONSTRAINT "victim_reparations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_repatriations" ADD CONSTRAINT "victim_repatriations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_repatriations" ADD CONSTRAINT "victim_repatriations_case_victim_id_case_victims_id_fk" FOREIGN KEY ("case_victim_id") REFERENCES "public"."case_victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_repatriations" ADD CONSTRAINT "victim_repatriations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_repatriations" ADD CONSTRAINT "victim_repatriations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_residency_permits" ADD CONSTRAINT "victim_residency_permits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_residency_permits" ADD CONSTRAINT "victim_residency_permits_case_victim_id_case_victims_id_fk" FOREIGN KEY ("case_victim_id") REFERENCES "public"."case_victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_residency_permits" ADD CONSTRAINT "victim_residency_permits_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_residency_permits" ADD CONSTRAINT "victim_residency_permits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_referred_unit_id_units_id_fk" FOREIGN KEY ("referred_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_referred_institution_id_institutions_id_fk" FOREIGN KEY ("referred_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD CONSTRAINT "hotline_calls_linked_case_id_cases_id_fk" FOREIGN KEY ("linked_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_cases" ADD CONSTRAINT "operation_cases_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_cases" ADD CONSTRAINT "operation_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_cases" ADD CONSTRAINT "operation_cases_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_activities" ADD CONSTRAINT "prevention_activities_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_activities" ADD CONSTRAINT "prevention_activities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_activities" ADD CONSTRAINT "prevention_activities_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD CONSTRAINT "report_snapshots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE UNIQUE INDEX "cases_external_idx" ON "cases" USING btree ("registered_by_institution_id","external_id");--> statement-breakpoint
CREATE INDEX "cases_institution_idx" ON "cases" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "cases_unit_idx" ON "cases" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "cases_department_idx" ON "cases" USING btree ("department_code");--> statement-breakpoint
CREATE INDEX "cases_registered_idx" ON "cases" USING btree ("registered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_external_idx" ON "persons" USING btree ("created_by_institution_id","external_id");--> statement-breakpoint
CREATE INDEX "persons_document_idx" ON "persons" USING btree ("document_hash");--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name_hash");--> statement-breakpoint
CREATE INDEX "persons_name_tokens_idx" ON "persons" USING gin ("name_token_hashes");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_articles_number_idx" ON "legal_articles" USING btree ("regime_id","article_number");--> statement-breakpoint
CREATE INDEX "legal_articles_lookup_idx" ON "legal_articles" USING btree ("article_number");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_tiers_article_idx" ON "legal_penalty_tiers" USING btree ("article_id","tier_code");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_regimes_code_idx" ON "legal_regimes" USING btree ("country","code");--> statement-breakpoint
CREATE INDEX "justice_event_articles_event_idx" ON "justice_event_articles" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "justice_event_articles_article_idx" ON "justice_event_articles" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "justice_events_case_idx" ON "justice_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "justice_events_suspect_idx" ON "justice_events" USING btree ("suspect_id");--> statement-breakpoint
CREATE INDEX "justice_events_type_idx" ON "justice_events" USING btree ("type","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "justice_events_external_idx" ON "justice_events" USING btree ("institution_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "justice_events_supersedes_idx" ON "justice_events" USING btree ("supersedes_event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_candidates_pair_idx" ON "match_candidates" USING btree ("person_a_id","person_b_id");--> statement-breakpoint
CREATE INDEX "match_candidates_b_idx" ON "match_candidates" USING btree ("person_b_id");--> statement-breakpoint
CREATE INDEX "match_candidates_status_idx" ON "match_candidates" USING btree ("status");--> statement-breakpoint
CREATE INDEX "referral_services_referral_idx" ON "referral_services" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referral_services_victim_idx" ON "referral_services" USING btree ("case_victim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_external_idx" ON "referrals" USING btree ("from_institution_id","external_id");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_victim_idx" ON "referrals" USING btree ("case_victim_id");--> statement-breakpoint
CREATE INDEX "referrals_to_idx" ON "referrals" USING btree ("to_institution_id","status");--> statement-breakpoint
CREATE INDEX "shelter_stays_shelter_idx" ON "shelter_stays" USING btree ("shelter_id","check_in_on");--> statement-breakpoint
CREATE INDEX "shelter_stays_victim_idx" ON "shelter_stays" USING btree ("case_victim_id");--> statement-breakpoint
CREATE INDEX "shelters_institution_idx" ON "shelters" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "victim_reparations_victim_idx" ON "victim_reparations" USING btree ("case_victim_id");--> statement-breakpoint
CREATE INDEX "victim_repatriations_victim_idx" ON "victim_repatriations" USING btree ("case_victim_id");--> statement-breakpoint
CREATE INDEX "victim_residency_victim_idx" ON "victim_residency_permits" USING btree ("case_victim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_calls_external_idx" ON "hotline_calls" USING btree ("institution_id","external_id");--> statement-breakpoint
CREATE INDEX "hotline_calls_institution_idx" ON "hotline_calls" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "hotline_calls_referred_idx" ON "hotline_calls" USING btree ("referred_institution_id");--> statement-breakpoint
CREATE INDEX "hotline_calls_received_idx" ON "hotline_calls" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "operation_cases_case_idx" ON "operation_cases" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operations_external_idx" ON "operations" USING btree ("institution_id","external_id");--> statement-breakpoint
CREATE INDEX "operations_institution_idx" ON "operations" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "operations_date_idx" ON "operations" USING btree ("operation_date");--> statement-breakpoint
CREATE UNIQUE INDEX "prevention_external_idx" ON "prevention_activities" USING btree ("institution_id","external_id");--> statement-breakpoint
CREATE INDEX "prevention_institution_idx" ON "prevention_activities" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "prevention_date_idx" ON "prevention_activities" USING btree ("activity_date");--> statement-breakpoint
CREATE INDEX "report_snapshots_year_idx" ON "report_snapshots" USING btree ("kind","year");