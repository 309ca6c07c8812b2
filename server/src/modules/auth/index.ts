import { defineModule, nodeType } from '../../common/module';
import { sessionAccess } from './auth.access';
import { Session } from './session.entity';
import { RefreshToken } from './refresh-token.entity';
import { AuthResolver } from './auth.resolver';
import { PasswordResolver } from './password.resolver';
import { PasswordReset } from './password-reset.entity';
import { RecoveryCode } from './recovery-code.entity';
import { TwoFactorResolver } from './two-factor.resolver';
import { authPermissions } from './auth.permissions';

export const authModule = defineModule({
  name: 'auth',
  entities: [Session, RefreshToken, PasswordReset, RecoveryCode],
  resolvers: [AuthResolver, PasswordResolver, TwoFactorResolver],
  permissions: authPermissions,
  nodeTypes: {
    // Your own sessions only.
    Session: nodeType(Session, sessionAccess),
  },
});
