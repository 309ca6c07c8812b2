import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import type { User } from './user.entity';

@InputType({ description: 'Narrows a list of users.' })
export class UserFilter {
  @Field({ nullable: true, description: 'Matches email or name.' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

export const userList = defineList<User>()({
  filter: UserFilter,
  validateFilter: false,
  orderBy: {
    input: 'UserOrder',
    fields: { createdAt: 'date', name: 'string', email: 'string' },
    default: { field: 'createdAt', direction: SortDirection.ASC },
    description: 'Oldest first unless asked otherwise.',
  },
});
export const UsersArgs = userList.Args;
export type UsersArgs = ArgsOf<typeof userList>;
