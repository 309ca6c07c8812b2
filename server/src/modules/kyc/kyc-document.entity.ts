import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { User } from '../users/user.entity';
import { KycCase } from './kyc-case.entity';

export enum KycDocumentKind {
  PASSPORT = 'PASSPORT',
  ID_CARD = 'ID_CARD',
  DRIVING_LICENCE = 'DRIVING_LICENCE',
  PROOF_OF_ADDRESS = 'PROOF_OF_ADDRESS',
  COMPANY_REGISTRATION = 'COMPANY_REGISTRATION',
  ARTICLES_OF_ASSOCIATION = 'ARTICLES_OF_ASSOCIATION',
  SHAREHOLDER_REGISTER = 'SHAREHOLDER_REGISTER',
  OTHER = 'OTHER',
}
registerEnumType(KycDocumentKind, {
  name: 'KycDocumentKind',
  description: 'What a KYC document is.',
  valuesConfig: {
    PASSPORT: { description: 'Passport.' },
    ID_CARD: { description: 'National identity card.' },
    DRIVING_LICENCE: { description: 'Driving licence.' },
    PROOF_OF_ADDRESS: { description: 'Proof of address (utility bill, bank statement).' },
    COMPANY_REGISTRATION: { description: 'Company registration extract or certificate.' },
    ARTICLES_OF_ASSOCIATION: { description: 'Articles of association of the business.' },
    SHAREHOLDER_REGISTER: { description: 'Register of the business\'s shareholders.' },
    OTHER: { description: 'Any other document.' },
  },
});

export enum KycDocumentStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(KycDocumentStatus, {
  name: 'KycDocumentStatus',
  description: 'Review status of a KYC document.',
  valuesConfig: {
    PENDING: { description: 'Not yet reviewed.' },
    ACCEPTED: { description: 'Accepted by a reviewer.' },
    REJECTED: { description: 'Rejected by a reviewer.' },
  },
});

/**
 * One uploaded file of a KYC case. The bytes live in the document store under `storageKey`
 * (derived from ids, never from the uploaded name); the row keeps the metadata and the sha256.
 */
@ObjectType({ implements: Node, description: 'A file uploaded to a KYC case, with its review status.' })
@Entity({ tableName: 'kyc_documents' })
@Index({ properties: ['case', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'status'] })
export class KycDocument extends TenantOwnedEntity {
  @ManyToOne(() => KycCase, { ref: true, deleteRule: 'cascade' })
  case!: Ref<KycCase>;

  @Field(() => KycDocumentKind, { description: 'What kind of document it is.' })
  @Enum({ items: () => KycDocumentKind })
  kind!: KycDocumentKind;

  @Field({ description: 'The file name as uploaded (metadata only; files are stored by id).' })
  @Property({ length: 255 })
  filename!: string;

  @Field({ description: 'Detected from the file content: application/pdf, image/png or image/jpeg.' })
  @Property({ length: 100 })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Property({ type: 'integer' })
  size!: number;

  @Field({ description: 'SHA-256 of the content, lowercase hex.' })
  @Property({ length: 64 })
  sha256!: string;

  @Property({ length: 255, hidden: true })
  storageKey!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  uploadedBy!: Ref<User>;

  @Field(() => KycDocumentStatus, { description: 'Review status of the document.' })
  @Enum({ items: () => KycDocumentStatus, default: KycDocumentStatus.PENDING })
  status: Opt<KycDocumentStatus> = KycDocumentStatus.PENDING;

  @Field(() => String, { nullable: true, description: 'Why staff accepted or rejected it; shown to the customer.' })
  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  @Field(() => Date, { description: 'When the document was accepted or rejected; null while pending.', nullable: true })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  decidedAt?: Date | null;

  /** Staff only: exposed through a field resolver that answers null to customers. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'restrict' })
  decidedBy?: Ref<User> | null;
}
