import '../../test/jsdom-polyfills';
import { canAccessWith } from '../access';

// The staff roles' permissions as the API grants them (server/src/permissions/catalog.ts).
const SUPERADMIN = ['platform:tenant:read', 'platform:user:read', 'platform:member:manage', 'platform:ticket:read', 'platform:ticket:write', 'platform:audit:read', 'platform:flag:read', 'platform:flag:manage'];
const SUPPORT = ['platform:tenant:read', 'platform:user:read', 'platform:ticket:read', 'platform:ticket:write', 'platform:audit:read', 'platform:flag:read'];
const COMPLIANCE = ['platform:tenant:read', 'platform:user:read', 'platform:ticket:read', 'platform:audit:read', 'platform:flag:read'];

describe('what the back office offers each staff role', () => {
  it('offers a superadmin every screen and every edit it has', () => {
    for (const [resource, action] of [
      ['tickets', 'edit'],
      ['memberships', 'edit'],
      ['feature-flags', 'create'],
      ['feature-flags', 'edit'],
      ['audit-logs', 'list'],
    ]) {
      expect(canAccessWith(SUPERADMIN, resource!, action!)).toBe(true);
    }
  });

  it('lets support edit tickets but not roles or flags', () => {
    expect(canAccessWith(SUPPORT, 'tickets', 'edit')).toBe(true);
    expect(canAccessWith(SUPPORT, 'memberships', 'list')).toBe(true);
    expect(canAccessWith(SUPPORT, 'memberships', 'edit')).toBe(false);
    expect(canAccessWith(SUPPORT, 'feature-flags', 'show')).toBe(true);
    expect(canAccessWith(SUPPORT, 'feature-flags', 'edit')).toBe(false);
  });

  it('keeps compliance read-only', () => {
    expect(canAccessWith(COMPLIANCE, 'tickets', 'show')).toBe(true);
    expect(canAccessWith(COMPLIANCE, 'tickets', 'edit')).toBe(false);
    expect(canAccessWith(COMPLIANCE, 'audit-logs', 'show')).toBe(true);
  });

  it('offers nothing it does not know: deletes, unknown resources, tenant permissions', () => {
    expect(canAccessWith(SUPERADMIN, 'tickets', 'delete')).toBe(false);
    expect(canAccessWith(SUPERADMIN, 'audit-logs', 'edit')).toBe(false);
    expect(canAccessWith(SUPERADMIN, 'invoices', 'list')).toBe(false);
    expect(canAccessWith(['ticket:read', 'ticket:write'], 'tickets', 'list')).toBe(false);
  });
});
