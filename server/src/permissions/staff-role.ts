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
    SUPPORT: { description: 'Helps customers; reads and manages operational data across tenants.' },
    COMPLIANCE: { description: 'Reviews KYC and audit data across tenants.' },
    SUPERADMIN: { description: 'Full platform administration.' },
  },
});
