import { defineModule, nodeType } from '../../common/module';
import { apiKeyAccess } from './api-key.access';
import { ApiKey } from './api-key.entity';
import { createApiKeyLoaders } from './api-key.loaders';
import { apiKeyPermissions } from './api-key.permissions';
import { ApiKeyResolver } from './api-key.resolver';
import { createSchemaRouter } from './api-key.schema-route';

export const apiKeysModule = defineModule({
  name: 'apikeys',
  entities: [ApiKey],
  resolvers: [ApiKeyResolver],
  permissions: apiKeyPermissions,
  loaders: createApiKeyLoaders,
  // The SDL for partners' tooling (codegen, clients), next to the keys they call with.
  http: [{ path: '/api/schema.graphql', router: ({ schema }) => createSchemaRouter(schema) }],
  nodeTypes: {
    ApiKey: nodeType(ApiKey, apiKeyAccess),
  },
});
