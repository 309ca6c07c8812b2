import { graphql } from '../../gql';

export const UNREAD_NOTIFICATION_COUNT_QUERY = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NOTIFICATION_LIST_QUERY = graphql(`
  query NotificationList($first: Int!, $after: String, $filter: NotificationFilter) {
    notifications(first: $first, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        title
        body
        url
        read
        createdAt
      }
    }
  }
`);

export const MARK_NOTIFICATION_READ_MUTATION = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      read
      readAt
    }
  }
`);

export const MARK_ALL_NOTIFICATIONS_READ_MUTATION = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export const NOTIFICATION_PREFERENCES_QUERY = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      inApp
      email
    }
  }
`);

export const UPDATE_NOTIFICATION_PREFERENCE_MUTATION = graphql(`
  mutation UpdateNotificationPreference($input: UpdateNotificationPreferenceInput!) {
    updateNotificationPreference(input: $input) {
      kind
      inApp
      email
    }
  }
`);

/** A new in-app notification for the signed-in person (their inbox refetches on each). */
export const NOTIFICATION_RECEIVED_SUBSCRIPTION = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      id
    }
  }
`);
