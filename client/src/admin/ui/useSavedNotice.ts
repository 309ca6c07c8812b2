import { type RaRecord, type RedirectionSideEffect, useNotify, useRedirect, useResourceContext } from 'react-admin';

/**
 * An edit's success handler with a message that says what happened ("Ticket #12 saved") instead
 * of react-admin's generic one, then the usual redirect.
 */
export function useSavedNotice<R extends RaRecord>(message: (record: R) => string, redirectTo: RedirectionSideEffect = 'show') {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  return {
    onSuccess: (record: R) => {
      notify(message(record), { type: 'success' });
      redirect(redirectTo, resource, record.id, record);
    },
  };
}
