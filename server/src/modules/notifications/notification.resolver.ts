import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '../../common/global-id';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import { listCost } from '../../common/query-limits';
import type { Context } from '../../context/context';
import { Notification, NotificationKind, NotificationPreference } from './notification.entity';
import { NotificationsArgs, UpdateNotificationPreferenceInput } from './notification.inputs';
import * as notifications from './notification.service';

const NotificationConnection = Connection(Notification);
/** One preference per kind. */
const KIND_COUNT = Object.keys(NotificationKind).length;

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'Your notifications about the tenant you act in (staff outside a tenant: the back office ones), newest first.' })
  notifications(@Args() args: NotificationsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Notification>> {
    return notifications.listNotifications(ctx, args);
  }

  @Query(() => Int, { description: 'How many of your notifications (as listed by `notifications`) are unread.' })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return notifications.unreadCount(ctx);
  }

  @Query(() => [NotificationPreference], { complexity: listCost(KIND_COUNT), description: 'How you want to hear about each kind of notification (defaults where you made no choice). One entry per kind.' })
  notificationPreferences(@Ctx() ctx: Context): Promise<NotificationPreference[]> {
    return notifications.preferences(ctx);
  }

  @Mutation(() => Notification, { description: 'Marks one of your notifications read. Another person’s id answers NOT_FOUND.' })
  markNotificationRead(@Arg('id', () => ID, { description: 'Global id of the notification.' }) id: string, @Ctx() ctx: Context): Promise<Notification> {
    return notifications.markRead(ctx, id);
  }

  @Mutation(() => Int, { description: 'Marks all your unread notifications (as listed by `notifications`) read; answers how many there were.' })
  markAllNotificationsRead(@Ctx() ctx: Context): Promise<number> {
    return notifications.markAllRead(ctx);
  }

  @Mutation(() => NotificationPreference, { description: 'Sets how you want to hear about one kind of notification.' })
  updateNotificationPreference(
    @Arg('input', { description: 'The kind and its channels.' }) input: UpdateNotificationPreferenceInput,
    @Ctx() ctx: Context,
  ): Promise<NotificationPreference> {
    return notifications.updatePreference(ctx, input);
  }

  @FieldResolver(() => Boolean, { description: 'True once you marked it read.' })
  read(@Root() notification: Notification): boolean {
    return notification.readAt != null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Global id of what it is about (a Ticket, AutomationRun, KycCase or Incident; fetch it with `node`); null when none.' })
  subjectId(@Root() n: Notification): string | null {
    if (n.ticketId) return toGlobalId('Ticket', n.ticketId);
    if (n.runId) return toGlobalId('AutomationRun', n.runId);
    if (n.kycCaseId) return toGlobalId('KycCase', n.kycCaseId);
    if (n.incidentId) return toGlobalId('Incident', n.incidentId);
    return null;
  }
}
