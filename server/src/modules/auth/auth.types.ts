import { Field, ObjectType } from 'type-graphql';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';

@ObjectType({ description: 'A signed-in session: tokens and who they are for.' })
export class AuthPayload {
  @Field({ description: 'JWT to send as "Authorization: Bearer <token>".' })
  accessToken!: string;

  @Field({ description: 'Opaque, single-use token for refreshSession. Keep it secret.' })
  refreshToken!: string;

  @Field({ description: 'When the access token expires; refresh the session before then.' })
  accessTokenExpiresAt!: Date;

  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;

  @Field(() => Tenant, { nullable: true, description: 'The tenant the tokens act in; null for staff outside a tenant.' })
  tenant!: Tenant | null;
}
