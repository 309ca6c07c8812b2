import { Migration } from '@mikro-orm/migrations';

/** The mail outbox (modules/mail): mail written with the change that causes it, sent by the worker. */
export class Migration20261203010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mail_outbox" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "to" varchar(320) not null, "template" varchar(40) not null, "subject" text not null, "text" text not null, "html" text not null, "tenant_id" uuid null, "status" text check ("status" in ('PENDING', 'SENDING', 'SENT', 'FAILED')) not null default 'PENDING', "attempts" smallint not null default 0, "next_attempt_at" timestamptz(3) not null, "lease_until" timestamptz(3) null, "locked_by" uuid null, "last_error" varchar(500) null, "sent_at" timestamptz(3) null, "transport" varchar(8) null, "message_id" varchar(998) null, constraint "mail_outbox_pkey" primary key ("id"));`);
    this.addSql(`create index "mail_outbox_tenant_id_index" on "mail_outbox" ("tenant_id");`);
    this.addSql(`create index "mail_outbox_status_lease_until_index" on "mail_outbox" ("status", "lease_until");`);
    this.addSql(`create index "mail_outbox_status_next_attempt_at_index" on "mail_outbox" ("status", "next_attempt_at");`);

    this.addSql(`alter table "mail_outbox" add constraint "mail_outbox_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mail_outbox" cascade;`);
  }

}
