import { defineModule } from '../../common/module';
import { realtimePermissions } from './realtime.permissions';
import { RealtimeResolver } from './realtime.resolver';

/**
 * Real time: GraphQL subscriptions over WebSocket (ws-server.ts, attached by app.ts), fed by the
 * events services stage in their transactions (stage.ts) and published after commit (bus.ts).
 */
export const realtimeModule = defineModule({
  name: 'realtime',
  resolvers: [RealtimeResolver],
  permissions: realtimePermissions,
});
