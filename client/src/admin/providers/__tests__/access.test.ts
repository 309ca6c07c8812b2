import '../../test/jsdom-polyfills';
import { STAFF_PERMISSIONS } from '../../../../../server/src/permissions/catalog';
import { canAccessWith } from '../access';

// The staff roles' permissions as the API grants them: the server's own catalog.
const SUPERADMIN = STAFF_PERMISSIONS.SUPERADMIN;
const SUPPORT = STAFF_PERMISSIONS.SUPPORT;
const COMPLIANCE = STAFF_PERMISSIONS.COMPLIANCE;

describe('what the back office offers each staff role', () => {
  it('offers a superadmin every screen and every edit it has', () => {
    for (const [resource, action] of [
      ['tickets', 'edit'],
      ['memberships', 'edit'],
      ['feature-flags', 'create'],
      ['feature-flags', 'edit'],
      ['audit-logs', 'list'],
      ['tenants', 'create'],
      ['tenants', 'resendInvitation'],
      ['tenants', 'revokeInvitation'],
      ['users', 'deactivate'],
      ['users', 'reactivate'],
      ['users', 'revokeSessions'],
    ]) {
      expect([resource, action, canAccessWith(SUPERADMIN, resource!, action!)]).toEqual([resource, action, true]);
    }
  });

  it('lets support edit tickets and manage users’ access, but not roles, flags or tenants', () => {
    expect(canAccessWith(SUPPORT, 'tickets', 'edit')).toBe(true);
    expect(canAccessWith(SUPPORT, 'memberships', 'list')).toBe(true);
    expect(canAccessWith(SUPPORT, 'memberships', 'edit')).toBe(false);
    expect(canAccessWith(SUPPORT, 'feature-flags', 'show')).toBe(true);
    expect(canAccessWith(SUPPORT, 'feature-flags', 'edit')).toBe(false);
    expect(canAccessWith(SUPPORT, 'users', 'deactivate')).toBe(true);
    expect(canAccessWith(SUPPORT, 'users', 'reactivate')).toBe(true);
    expect(canAccessWith(SUPPORT, 'users', 'revokeSessions')).toBe(true);
    expect(canAccessWith(SUPPORT, 'tenants', 'show')).toBe(true);
    expect(canAccessWith(SUPPORT, 'tenants', 'create')).toBe(false);
    expect(canAccessWith(SUPPORT, 'tenants', 'resendInvitation')).toBe(false);
  });

  it('keeps compliance read-only', () => {
    expect(canAccessWith(COMPLIANCE, 'tickets', 'show')).toBe(true);
    expect(canAccessWith(COMPLIANCE, 'tickets', 'edit')).toBe(false);
    expect(canAccessWith(COMPLIANCE, 'audit-logs', 'show')).toBe(true);
    expect(canAccessWith(COMPLIANCE, 'users', 'show')).toBe(true);
    for (const action of ['deactivate', 'reactivate', 'revokeSessions']) expect(canAccessWith(COMPLIANCE, 'users', action)).toBe(false);
    for (const action of ['create', 'resendInvitation', 'revokeInvitation']) expect(canAccessWith(COMPLIANCE, 'tenants', action)).toBe(false);
  });

  it('shows every staff role the partner integrations, and lets only superadmin and support revoke keys and disable endpoints', () => {
    for (const permissions of [SUPERADMIN, SUPPORT, COMPLIANCE]) {
      for (const resource of ['api-keys', 'webhook-endpoints', 'webhook-deliveries']) {
        expect(canAccessWith(permissions, resource, 'list')).toBe(true);
        expect(canAccessWith(permissions, resource, 'show')).toBe(true);
        expect(canAccessWith(permissions, resource, 'edit')).toBe(false);
        expect(canAccessWith(permissions, resource, 'create')).toBe(false);
      }
    }
    for (const permissions of [SUPERADMIN, SUPPORT]) {
      expect(canAccessWith(permissions, 'api-keys', 'revoke')).toBe(true);
      expect(canAccessWith(permissions, 'webhook-endpoints', 'disable')).toBe(true);
    }
    expect(canAccessWith(COMPLIANCE, 'api-keys', 'revoke')).toBe(false);
    expect(canAccessWith(COMPLIANCE, 'webhook-endpoints', 'disable')).toBe(false);
    // Nothing else is offered: no enabling, redelivering or revoking elsewhere.
    expect(canAccessWith(SUPERADMIN, 'webhook-endpoints', 'enable')).toBe(false);
    expect(canAccessWith(SUPERADMIN, 'webhook-deliveries', 'redeliver')).toBe(false);
    expect(canAccessWith(SUPERADMIN, 'webhook-endpoints', 'revoke')).toBe(false);
    expect(canAccessWith(['apikey:manage', 'webhook:manage'], 'api-keys', 'list')).toBe(false);
  });

  it('offers nothing it does not know: deletes, unknown resources or operations, tenant permissions', () => {
    expect(canAccessWith(SUPERADMIN, 'tickets', 'delete')).toBe(false);
    expect(canAccessWith(SUPERADMIN, 'audit-logs', 'edit')).toBe(false);
    expect(canAccessWith(SUPERADMIN, 'invoices', 'list')).toBe(false);
    expect(canAccessWith(SUPERADMIN, 'users', 'impersonate')).toBe(false);
    expect(canAccessWith(SUPERADMIN, 'tickets', 'deactivate')).toBe(false);
    // Names an object has anyway are not operations.
    expect(canAccessWith(SUPERADMIN, 'users', 'toString')).toBe(false);
    expect(canAccessWith(SUPERADMIN, 'users', 'constructor')).toBe(false);
    expect(canAccessWith(['ticket:read', 'ticket:write'], 'tickets', 'list')).toBe(false);
  });
});
