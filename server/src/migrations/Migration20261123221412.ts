import { Migration } from '@mikro-orm/migrations';

export class Migration20261123221412 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "sessions" add column "generation" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sessions" drop column "generation";`);
  }

}
