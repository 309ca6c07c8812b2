import { defineModule, nodeType } from '../../common/module';
import { apiKeyAccess } from './api-key.access';
import { ApiKey } from './api-key.entity';
import { createApiKeyLoaders } from './api-key.loaders';
import { apiKeyPermissions } from './api-key.permissions';
import { ApiKeyResolver } from './api-key.resolver';

export const apiKeysModule = defineModule({
  name: 'apikeys',
  entities: [ApiKey],
  resolvers: [ApiKeyResolver],
  permissions: apiKeyPermissions,
  loaders: createApiKeyLoaders,
  nodeTypes: {
    ApiKey: nodeType(ApiKey, apiKeyAccess),
  },
});
