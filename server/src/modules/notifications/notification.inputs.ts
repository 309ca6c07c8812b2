import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { type Notification, NotificationKind } from './notification.entity';

@InputType({ description: 'Narrows your notifications.' })
export class NotificationFilter {
  @Field(() => Boolean, { nullable: true, description: 'true: unread only; false: read only; left out: both.' })
  @IsOptional()
  @IsBoolean()
  unread?: boolean | null;
}

/** Newest first. */
export const notificationList = defineList<Notification>()({
  filter: NotificationFilter,
  sort: { field: 'createdAt', kind: 'date', direction: SortDirection.DESC },
});
export const NotificationsArgs = notificationList.Args;
export type NotificationsArgs = ArgsOf<typeof notificationList>;

@InputType({ description: 'How you want to hear about one kind of notification.' })
export class UpdateNotificationPreferenceInput {
  @Field(() => NotificationKind, { description: 'The kind to set.' })
  @IsEnum(NotificationKind)
  kind!: NotificationKind;

  @Field({ description: 'Show it in the inbox (bell).' })
  @IsBoolean()
  inApp!: boolean;

  @Field({ description: 'Send it by mail (batched).' })
  @IsBoolean()
  email!: boolean;
}
