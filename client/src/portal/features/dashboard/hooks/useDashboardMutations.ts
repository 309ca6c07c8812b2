import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../../gql';

const ADD_WIDGET = graphql(`
  mutation AddDashboardWidget($input: AddDashboardWidgetInput!) {
    addDashboardWidget(input: $input) {
      id
      ...DashboardWidgetFields
    }
  }
`);

export const MOVE_WIDGET = graphql(`
  mutation MoveDashboardWidget($input: MoveDashboardWidgetInput!) {
    moveDashboardWidget(input: $input) {
      id
      x
      y
      w
      h
    }
  }
`);

const UPDATE_WIDGET = graphql(`
  mutation UpdateDashboardWidget($input: UpdateDashboardWidgetInput!) {
    updateDashboardWidget(input: $input) {
      id
      ...DashboardWidgetFields
    }
  }
`);

const REMOVE_WIDGET = graphql(`
  mutation RemoveDashboardWidget($id: ID!) {
    removeDashboardWidget(id: $id)
  }
`);

/** Adds a widget, then reads the dashboard again (its place in the list is the server's). */
export function useAddWidget() {
  return useMutation(ADD_WIDGET, { refetchQueries: ['Dashboard'], awaitRefetchQueries: true });
}

/** Moves or resizes a widget; the answer updates it in the cache. */
export function useMoveWidget() {
  return useMutation(MOVE_WIDGET);
}

/** Renames a widget or changes its settings; its data comes back recomputed. */
export function useUpdateWidget() {
  return useMutation(UPDATE_WIDGET);
}

/** Removes a widget and drops it from the cache. */
export function useRemoveWidget() {
  return useMutation(REMOVE_WIDGET, {
    update(cache, { data }) {
      const id = data?.removeDashboardWidget;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'DashboardWidget', id }) });
      cache.gc();
    },
  });
}
