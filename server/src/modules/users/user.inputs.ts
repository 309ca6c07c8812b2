import { IsOptional, Length } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { ConnectionArgs, SortDirection } from '../../common/pagination/connection';
import { orderInput } from '../../common/pagination/order';

@InputType()
export class UserFilter {
  @Field({ nullable: true, description: 'Matches email or name.' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

export enum UserOrderField {
  CREATED_AT = 'createdAt',
  NAME = 'name',
  EMAIL = 'email',
}
registerEnumType(UserOrderField, { name: 'UserOrderField' });
export const USER_ORDER_DEFAULT = { field: UserOrderField.CREATED_AT, direction: SortDirection.ASC };
export const UserOrder = orderInput('UserOrder', UserOrderField, USER_ORDER_DEFAULT);
export type UserOrder = InstanceType<typeof UserOrder>;

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => UserFilter, { nullable: true })
  filter?: UserFilter;

  @Field(() => UserOrder, { nullable: true, description: 'Oldest first unless asked otherwise.' })
  orderBy?: UserOrder;
}
