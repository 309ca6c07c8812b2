import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../../gql';

const CREATE_KYC_CASE_MUTATION = graphql(`
  mutation CreateKycCase($input: CreateKycCaseInput!) {
    createKycCase(input: $input) {
      id
    }
  }
`);

const UPDATE_KYC_CASE_MUTATION = graphql(`
  mutation UpdateKycCase($input: UpdateKycCaseInput!) {
    updateKycCase(input: $input) {
      id
      version
      subjectName
      updatedAt
    }
  }
`);

const SUBMIT_KYC_CASE_MUTATION = graphql(`
  mutation SubmitKycCase($input: KycCaseVersionInput!) {
    submitKycCase(input: $input) {
      id
      status
      version
      submittedAt
      availableActions
    }
  }
`);

const DELETE_KYC_DOCUMENT_MUTATION = graphql(`
  mutation DeleteKycDocument($id: ID!) {
    deleteKycDocument(id: $id)
  }
`);

/** Starts a DRAFT case; the list refetches so it shows at once. */
export function useCreateKycCase() {
  return useMutation(CREATE_KYC_CASE_MUTATION, { refetchQueries: ['KycCaseList'] });
}

/** Replaces the details; the version read must still be current (else CONFLICT). */
export function useUpdateKycCase() {
  return useMutation(UPDATE_KYC_CASE_MUTATION, { refetchQueries: ['KycCaseDetail'] });
}

/** DRAFT or NEEDS_INFO → SUBMITTED; the case page refetches its history. */
export function useSubmitKycCase() {
  return useMutation(SUBMIT_KYC_CASE_MUTATION, { refetchQueries: ['KycCaseDetail', 'KycCaseList'] });
}

/** Removes a pending document while the case is editable. */
export function useDeleteKycDocument() {
  return useMutation(DELETE_KYC_DOCUMENT_MUTATION, { refetchQueries: ['KycCaseDetail'] });
}
