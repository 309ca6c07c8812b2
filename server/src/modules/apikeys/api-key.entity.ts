import { Entity, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { User } from '../users/user.entity';

export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(ApiKeyStatus, {
  name: 'ApiKeyStatus',
  description: 'Whether an API key is accepted now.',
  valuesConfig: {
    ACTIVE: { description: 'Accepted (as long as its creator is still an active member of the tenant).' },
    EXPIRED: { description: 'Past its expiry: answered UNAUTHENTICATED with reason API_KEY_EXPIRED.' },
    REVOKED: { description: 'Revoked: answered UNAUTHENTICATED with reason API_KEY_REVOKED.' },
  },
});

/**
 * A partner's API key for one tenant. The secret (`atr_` + 43 base64url characters, 256 random
 * bits) is shown once when the key is created; only its SHA-256 is stored, with the first
 * characters kept as `prefix` so people can tell keys apart. The key acts for the member who
 * created it, with its own permissions capped by that member's current role (context/create-context.ts).
 */
@ObjectType({ implements: Node, description: "A tenant's API key for partner integrations (`Authorization: Bearer atr_...`). The secret itself is shown only once, when it is created." })
@Entity({ tableName: 'api_keys' })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
export class ApiKey extends TenantOwnedEntity {
  @Field({ description: 'What the key is for, e.g. "ERP sync".' })
  @Property({ length: 100 })
  name!: string;

  @Field({ description: 'The first characters of the secret (e.g. "atr_Ab3dE9xY"), to recognise the key; not enough to use it.' })
  @Property({ length: 16 })
  prefix!: string;

  /** SHA-256 (hex) of the whole secret; the only way the secret is kept. */
  @Unique()
  @Property({ length: 64, hidden: true })
  secretHash!: string;

  @Field(() => [String], { description: "The tenant permissions the key was given (each one also needs its creator's current role to hold it), sorted." })
  @Property({ type: 'text[]' })
  permissions!: string[];

  @Field(() => Date, { nullable: true, description: 'After this the key is refused (API_KEY_EXPIRED); null: it does not expire.' })
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When the key was last accepted (updated at most once a minute); null: never used.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it is not.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  /** The member the key acts for; null once that account is deleted (the key is then refused). */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User>;
}

/** The status of a key at `now`. */
export function apiKeyStatus(key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now = new Date()): ApiKeyStatus {
  if (key.revokedAt) return ApiKeyStatus.REVOKED;
  return key.expiresAt && key.expiresAt <= now ? ApiKeyStatus.EXPIRED : ApiKeyStatus.ACTIVE;
}
