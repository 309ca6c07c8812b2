import { defineModule } from '../../common/module';
import { OutboxMail } from './mail.entity';
import { mailboxRoutes } from './mail.http';

/**
 * Outgoing mail: the outbox (enqueueMail in mail.outbox.ts, called by other modules inside their
 * transactions), the worker that sends it (mail.worker.ts, owned by the app: see app.ts), and the
 * development mailbox. No GraphQL types.
 */
export const mailModule = defineModule({
  name: 'mail',
  entities: [OutboxMail],
  // Its tenant is nullable: request-scoped reads fail closed without a tenant; the worker and the
  // development mailbox read across tenants with the filter off.
  tenantScoped: [OutboxMail],
  http: mailboxRoutes,
});
