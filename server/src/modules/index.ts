import { authModule } from './auth';
import { meModule } from './me';
import { nodeModule } from './node';
import { tenancyModule } from './tenancy';
import { usersModule } from './users';
import { auditModule } from './audit';
import { flagsModule } from './flags';
import { ticketsModule } from './tickets';
import { eventsModule } from './events';
import { incidentsModule } from './incidents';
import { dashboardModule } from './dashboard';
import { correlationModule } from './correlation';
import { kycModule } from './kyc';
import { toolsModule } from './tools';
import { entitlementsModule } from './entitlements';
import { runsModule } from './runs';
import { messagesModule } from './messages';
import { invitationsModule } from './invitations';
import { mailModule } from './mail';
import { apiKeysModule } from './apikeys';
import { webhooksModule } from './webhooks';
import { notificationsModule } from './notifications';
import { exportsModule } from './exports';
import { realtimeModule } from './realtime';

/**
 * The composition root: every feature module, one line each. The schema (resolvers and shield
 * rules), the ORM's entity list and each request's loaders are read from this list and from
 * nowhere else; a new module is its folder plus one line here.
 */
export const modules = [
  authModule,
  meModule,
  nodeModule,
  tenancyModule,
  usersModule,
  auditModule,
  flagsModule,
  ticketsModule,
  eventsModule,
  incidentsModule,
  dashboardModule,
  correlationModule,
  kycModule,
  toolsModule,
  entitlementsModule,
  runsModule,
  messagesModule,
  invitationsModule,
  mailModule,
  apiKeysModule,
  webhooksModule,
  notificationsModule,
  exportsModule,
  realtimeModule,
] as const;
