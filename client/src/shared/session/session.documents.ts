import { graphql } from '../../gql';

// The session's own operations. Token payloads are read whole by the session layer, so they
// select fields inline rather than through a masked fragment.

export const LOGIN_MUTATION = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      tenant {
        id
      }
      user {
        id
        staffRole
      }
    }
  }
`);

export const REFRESH_SESSION_MUTATION = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      tenant {
        id
      }
    }
  }
`);

export const SWITCH_TENANT_MUTATION = graphql(`
  mutation SwitchTenant($tenantId: ID!) {
    switchTenant(tenantId: $tenantId) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      tenant {
        id
      }
    }
  }
`);

export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);

/** Who the caller is and what they may do: drives guards, menus and the tenant switcher. */
export const SESSION_ME_QUERY = graphql(`
  query SessionMe {
    me {
      user {
        id
        name
        email
        staffRole
      }
      tenant {
        id
        slug
        name
      }
      role
      staffRole
      permissions
      twoFactorEnabled
      twoFactorEnrollmentRequired
      featureFlags {
        key
        enabled
      }
      memberships {
        id
        tenant {
          id
          slug
          name
        }
        role {
          id
          name
        }
      }
    }
  }
`);
