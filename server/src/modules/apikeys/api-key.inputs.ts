import { ArrayMaxSize, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { VisibleLength } from '../../common/visible-length';
import { ApiKey, ApiKeyStatus } from './api-key.entity';

@InputType({ description: 'A new API key for the current tenant.' })
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for (1–100 characters), e.g. "ERP sync".' })
  @VisibleLength(1, 100)
  name!: string;

  @Field(() => [String], { description: 'Tenant permissions for the key (e.g. "ticket:read"); each one must be a permission you hold yourself.' })
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  permissions!: string[];

  @Field(() => Date, { nullable: true, description: 'When the key stops working; must be in the future. Null: it does not expire.' })
  @IsOptional()
  expiresAt?: Date | null;
}

@ObjectType({ description: 'A key just created, with its secret. The secret is shown only here, once: store it now.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key.' })
  apiKey!: ApiKey;

  @Field({ description: 'The secret to send as `Authorization: Bearer <secret>`; it starts with "atr_". Atrium keeps only a hash of it, so it cannot be shown again.' })
  secret!: string;
}

@InputType({ description: 'Narrows the API keys list.' })
export class ApiKeyFilter {
  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  @IsOptional()
  tenantId?: string;

  @Field(() => [ApiKeyStatus], { nullable: true, description: 'Only keys in one of these states (active, revoked, expired), as of now.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(ApiKeyStatus, { each: true })
  status?: ApiKeyStatus[];
}

/** Newest first. */
export const apiKeyList = defineList<ApiKey>()({
  filter: ApiKeyFilter,
  sort: { field: 'createdAt', kind: 'date', direction: SortDirection.DESC },
});
export const ApiKeysArgs = apiKeyList.Args;
export type ApiKeysArgs = ArgsOf<typeof apiKeyList>;
