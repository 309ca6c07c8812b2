import type { NotificationKind } from '../../gql/graphql';

/** How each kind is named in the preferences and read out in the list. */
export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  TICKET_ASSIGNED: 'A ticket is assigned to me',
  TICKET_REPLY: 'Replies on tickets I raised, work on or commented on',
  RUN_FAILED: 'A run I started failed',
  KYC_INFORMATION_REQUESTED: 'More information is needed for a KYC case I filed',
  KYC_DECIDED: 'A KYC case I filed was decided',
  INCIDENT_CHANGED: 'An incident affecting my organisation changed',
  INVITATION_ACCEPTED: 'Someone I invited joined',
};
