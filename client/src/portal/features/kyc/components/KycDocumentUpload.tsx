import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useMemo, useState } from 'react';
import type { KycDocumentKind } from '../../../../gql/graphql';
import { FileDropzone, type UploadAuth, type UploadRules } from '../../../../shared/uploads/FileDropzone';
import type { UploadedFile } from '../../../../shared/uploads/uploadFile';
import { KYC_DOCUMENT_KIND_LABEL, KYC_DOCUMENT_KINDS } from '../kycLabels';

export type { UploadAuth, UploadRules };

/** The upload route's answer for a KYC document. */
export interface UploadedKycDocument extends UploadedFile {
  kind: string;
  status: string;
}

/** Drag-and-drop upload of KYC documents: pick the document's type, then drop files (or choose them). */
export function KycDocumentUpload({
  rules,
  auth,
  defaultKind,
  onUploaded,
  disabled,
}: {
  rules: UploadRules;
  auth: UploadAuth;
  defaultKind: KycDocumentKind;
  onUploaded: (doc: UploadedKycDocument) => void;
  disabled?: boolean;
}) {
  const [kind, setKind] = useState<KycDocumentKind>(defaultKind);
  const fields = useMemo(() => ({ kind }), [kind]);
  return (
    <Stack spacing={2}>
      <TextField select label="Document type" value={kind} onChange={(e) => setKind(e.target.value as KycDocumentKind)} sx={{ maxWidth: 320 }} disabled={disabled}>
        {KYC_DOCUMENT_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {KYC_DOCUMENT_KIND_LABEL[k]}
          </MenuItem>
        ))}
      </TextField>
      <FileDropzone<UploadedKycDocument>
        rules={rules}
        auth={auth}
        fields={fields}
        onUploaded={onUploaded}
        disabled={disabled}
        inputLabel="Upload documents"
        testId="kyc-dropzone"
        note={`They are uploaded as “${KYC_DOCUMENT_KIND_LABEL[kind]}”.`}
      />
    </Stack>
  );
}
