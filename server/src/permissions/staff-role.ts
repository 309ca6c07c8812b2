import { registerEnumType } from 'type-graphql';

/** Platform staff roles: shared vocabulary of the permission catalog, the context and the users module. */
export enum StaffRole {
  SUPPORT = 'SUPPORT',
  COMPLIANCE = 'COMPLIANCE',
  SUPERADMIN = 'SUPERADMIN',
}
registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'Platform staff roles; staff act across tenants.',
  valuesConfig: {
    SUPPORT: { description: 'Customer support: reads tenants, tickets and runs, manages users, incidents, runs and integrations.' },
    COMPLIANCE: { description: 'Compliance: reads across tenants and reviews KYC cases.' },
    SUPERADMIN: { description: 'Every platform permission.' },
  },
});
