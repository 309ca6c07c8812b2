import { Migration } from '@mikro-orm/migrations';

/**
 * Ticket attachments: files on a ticket (the bytes on disk, named by id), read with the ticket;
 * an internal one follows the internal-note rule.
 */
export class Migration20261205010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ticket_attachments" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "ticket_id" uuid not null, "uploaded_by_id" uuid not null, "filename" varchar(255) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "storage_key" varchar(255) not null, "internal" boolean not null default false, "from_support" boolean not null default false, constraint "ticket_attachments_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_attachments_tenant_id_index" on "ticket_attachments" ("tenant_id");`);
    this.addSql(`create index "ticket_attachments_ticket_id_created_at_id_index" on "ticket_attachments" ("ticket_id", "created_at", "id");`);
    this.addSql(`alter table "ticket_attachments" add constraint "ticket_attachments_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_attachments" add constraint "ticket_attachments_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_attachments" add constraint "ticket_attachments_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "users" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ticket_attachments" cascade;`);
  }
}
