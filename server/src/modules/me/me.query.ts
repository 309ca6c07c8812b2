/** The selection GET /api/me answers with: the whole `me`, for clients that do not speak GraphQL. */
export const ME_HTTP_QUERY = `query Me {
  me {
    user { id email name staffRole }
    tenant { id slug name }
    role staffRole permissions twoFactorEnabled twoFactorEnrollmentRequired
    entitlements { id feature plan limits validFrom validUntil }
    featureFlags { key enabled overridden }
    memberships { id tenant { id slug name } role { id name } }
  }
}`;
