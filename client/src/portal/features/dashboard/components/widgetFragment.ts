import { graphql } from '../../../../gql';

/** What a widget on the grid shows: where it sits, what it is, and its data. */
export const DASHBOARD_WIDGET_FRAGMENT = graphql(`
  fragment DashboardWidgetFields on DashboardWidget {
    id
    type
    title
    x
    y
    w
    h
    personal
    config
    data {
      total
      points {
        key
        label
        value
        limit
      }
    }
  }
`);
