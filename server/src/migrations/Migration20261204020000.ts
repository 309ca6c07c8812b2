import { Migration } from '@mikro-orm/migrations';

/** Ticket comments: internal notes (customers never see them) and replies from Atrium support. */
export class Migration20261204020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "ticket_comments" add column "internal" boolean not null default false, add column "from_support" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket_comments" drop column "internal", drop column "from_support";`);
  }
}
