import { Migration } from '@mikro-orm/migrations';

/**
 * KYC cases and documents. Existing tenants' owner and admin system roles gain kyc:read and
 * kyc:write, as new tenants' do (permissions/catalog.ts).
 */
export class Migration20261123230509 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "kyc_cases" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "subject_kind" text check ("subject_kind" in ('PERSON', 'BUSINESS')) not null, "subject_name" varchar(200) not null, "details" jsonb not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'APPROVED', 'REJECTED')) not null default 'DRAFT', "created_by_id" uuid not null, "submitted_at" timestamptz(3) null, "customer_message" text null, "decided_at" timestamptz(3) null, "reviewer_id" uuid null, "review_started_at" timestamptz(3) null, "recommendation" text check ("recommendation" in ('APPROVE', 'REJECT')) null, "recommendation_reason" text null, "risk_rating" text check ("risk_rating" in ('LOW', 'MEDIUM', 'HIGH')) null, "recommended_at" timestamptz(3) null, "decided_by_id" uuid null, "decision_reason" text null, "version" int not null default 1, constraint "kyc_cases_pkey" primary key ("id"), constraint kyc_cases_four_eyes_check check (decided_by_id is null or reviewer_id is null or decided_by_id <> reviewer_id));`);
    this.addSql(`create index "kyc_cases_tenant_id_index" on "kyc_cases" ("tenant_id");`);
    this.addSql(`create index "kyc_cases_created_by_id_index" on "kyc_cases" ("created_by_id");`);
    this.addSql(`create index "kyc_cases_reviewer_id_index" on "kyc_cases" ("reviewer_id");`);
    this.addSql(`create index "kyc_cases_status_created_at_id_index" on "kyc_cases" ("status", "created_at", "id");`);
    this.addSql(`create index "kyc_cases_tenant_id_status_index" on "kyc_cases" ("tenant_id", "status");`);
    this.addSql(`create index "kyc_cases_tenant_id_subject_name_id_index" on "kyc_cases" ("tenant_id", "subject_name", "id");`);
    this.addSql(`create index "kyc_cases_tenant_id_updated_at_id_index" on "kyc_cases" ("tenant_id", "updated_at", "id");`);
    this.addSql(`create index "kyc_cases_tenant_id_created_at_id_index" on "kyc_cases" ("tenant_id", "created_at", "id");`);

    this.addSql(`create table "kyc_documents" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "case_id" uuid not null, "kind" text check ("kind" in ('PASSPORT', 'ID_CARD', 'DRIVING_LICENCE', 'PROOF_OF_ADDRESS', 'COMPANY_REGISTRATION', 'ARTICLES_OF_ASSOCIATION', 'SHAREHOLDER_REGISTER', 'OTHER')) not null, "filename" varchar(255) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "storage_key" varchar(255) not null, "uploaded_by_id" uuid not null, "status" text check ("status" in ('PENDING', 'ACCEPTED', 'REJECTED')) not null default 'PENDING', "decision_reason" text null, "decided_at" timestamptz(3) null, "decided_by_id" uuid null, constraint "kyc_documents_pkey" primary key ("id"));`);
    this.addSql(`create index "kyc_documents_tenant_id_index" on "kyc_documents" ("tenant_id");`);
    this.addSql(`create index "kyc_documents_tenant_id_status_index" on "kyc_documents" ("tenant_id", "status");`);
    this.addSql(`create index "kyc_documents_tenant_id_created_at_id_index" on "kyc_documents" ("tenant_id", "created_at", "id");`);
    this.addSql(`create index "kyc_documents_case_id_created_at_id_index" on "kyc_documents" ("case_id", "created_at", "id");`);

    this.addSql(`alter table "kyc_cases" add constraint "kyc_cases_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kyc_cases" add constraint "kyc_cases_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "kyc_cases" add constraint "kyc_cases_reviewer_id_foreign" foreign key ("reviewer_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "kyc_cases" add constraint "kyc_cases_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "kyc_documents" add constraint "kyc_documents_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kyc_documents" add constraint "kyc_documents_case_id_foreign" foreign key ("case_id") references "kyc_cases" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kyc_documents" add constraint "kyc_documents_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "kyc_documents" add constraint "kyc_documents_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`update "roles" set "permissions" = "permissions" || array['kyc:read', 'kyc:write'] where "system" and "name" in ('owner', 'admin') and not ('kyc:read' = any("permissions"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "roles" set "permissions" = array_remove(array_remove("permissions", 'kyc:read'), 'kyc:write');`);
    this.addSql(`alter table "kyc_documents" drop constraint "kyc_documents_case_id_foreign";`);

    this.addSql(`drop table if exists "kyc_cases" cascade;`);

    this.addSql(`drop table if exists "kyc_documents" cascade;`);
  }

}
