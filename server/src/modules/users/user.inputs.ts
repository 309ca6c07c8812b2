import { IsOptional, Length } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection';

@InputType()
export class UserFilter {
  @Field({ nullable: true, description: 'Matches email or name.' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => UserFilter, { nullable: true })
  filter?: UserFilter;
}
