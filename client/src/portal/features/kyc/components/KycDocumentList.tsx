import DeleteOutline from '@mui/icons-material/DeleteOutline';
import InsertDriveFile from '@mui/icons-material/InsertDriveFileOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { graphql, type FragmentType, getFragmentData } from '../../../../gql';
import { messageOf } from '../../../../shared/errors';
import { formatDateTime } from '../../../../shared/format';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useDeleteKycDocument } from '../hooks/useKycMutations';
import { formatBytes, KYC_DOCUMENT_KIND_LABEL } from '../kycLabels';
import { KycDocumentStatusChip } from './KycStatusChip';

export const KYC_DOCUMENT_ITEM_FRAGMENT = graphql(`
  fragment KycDocumentItem on KycDocument {
    id
    kind
    filename
    contentType
    size
    status
    decisionReason
    decidedAt
    createdAt
    uploadedBy {
      id
      name
    }
  }
`);

/**
 * A case's documents: type, file, size, when and by whom uploaded, and the reviewer's decision
 * with its reason. A pending document can be removed while the case is editable.
 */
export function KycDocumentList({ documents, canDelete }: { documents: readonly FragmentType<typeof KYC_DOCUMENT_ITEM_FRAGMENT>[]; canDelete: boolean }) {
  const docs = getFragmentData(KYC_DOCUMENT_ITEM_FRAGMENT, documents);
  const [removing, setRemoving] = useState<{ id: string; filename: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleteDocument, del] = useDeleteKycDocument();

  const confirm = async () => {
    if (!removing) return;
    setError(null);
    try {
      await deleteDocument({ variables: { id: removing.id } });
      setRemoving(null);
    } catch (err) {
      setError(messageOf(err instanceof Error ? err : null));
    }
  };

  if (docs.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 1 }}>
        No documents yet.
      </Typography>
    );
  }

  return (
    <>
      <Box component="ul" aria-label="Documents" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {docs.map((d) => (
          <Box
            component="li"
            key={d.id}
            aria-label={`${KYC_DOCUMENT_KIND_LABEL[d.kind]}: ${d.filename}`}
            sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', py: 1.5, borderTop: 1, borderColor: 'divider', '&:first-of-type': { borderTop: 0 } }}
          >
            <InsertDriveFile color="action" aria-hidden sx={{ mt: 0.25 }} />
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.5 }}>
                <Typography sx={{ fontWeight: 600 }}>{KYC_DOCUMENT_KIND_LABEL[d.kind]}</Typography>
                <KycDocumentStatusChip status={d.status} />
              </Box>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {d.filename}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {formatBytes(d.size)} · uploaded {formatDateTime(d.createdAt)} by {d.uploadedBy.name}
              </Typography>
              {d.decisionReason && (
                <Typography variant="body2" sx={{ mt: 0.5, color: d.status === 'REJECTED' ? 'error.dark' : 'text.primary' }}>
                  {d.status === 'REJECTED' ? 'Rejected' : 'Accepted'}
                  {d.decidedAt ? ` ${formatDateTime(d.decidedAt)}` : ''}: {d.decisionReason}
                </Typography>
              )}
            </Box>
            {canDelete && d.status === 'PENDING' && (
              <Tooltip title="Remove document">
                <IconButton aria-label={`Remove ${d.filename}`} onClick={() => setRemoving({ id: d.id, filename: d.filename })}>
                  <DeleteOutline />
                </IconButton>
              </Tooltip>
            )}
          </Box>
        ))}
      </Box>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this document?"
        confirmLabel="Remove"
        pendingLabel="Removing…"
        destructive
        pending={del.loading}
        error={error}
        onConfirm={() => void confirm()}
        onClose={() => {
          setRemoving(null);
          setError(null);
        }}
      >
        “{removing?.filename}” will be removed from the case. You can upload another one.
      </ConfirmDialog>
    </>
  );
}
