import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import ImageOutlined from '@mui/icons-material/ImageOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useCanAccess, useDataProvider } from 'react-admin';
import type { KycDocumentDecision } from '../../gql/graphql';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { KycCaseRecord, KycDocumentRecord } from '../providers/kyc.provider';
import { RESOURCES } from '../resource-names';
import { SectionTitle } from '../ui/DetailList';
import { FormDialog } from '../ui/FormDialog';
import { formatDateTime } from '../ui/format';
import { StoredFilePreview } from '../ui/StoredFilePreview';
import { DOCUMENT_KIND_LABEL, formatBytes, KycDocumentStatusChip } from './kycUi';
import { useKycReload } from './useKycReload';

/**
 * The document's file inline: a PDF in a frame, an image as an image. The file is read with the
 * staff member's token (the download endpoint wants it) into a local object URL, freed on close.
 */
export function KycDocumentViewer({ doc }: { doc: KycDocumentRecord }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  return (
    <StoredFilePreview
      queryKey={[RESOURCES.kycCases, 'file', doc.id]}
      read={(signal) => dataProvider.kycDocumentFile(RESOURCES.kycCases, { path: doc.downloadPath, signal }).then((r) => r.data)}
      label={`${DOCUMENT_KIND_LABEL[doc.kind]}: ${doc.filename}`}
      loadingHeight={360}
    />
  );
}

function DecideDocumentDialog({ doc, decision, open, onClose }: { doc: KycDocumentRecord; decision: KycDocumentDecision; open: boolean; onClose: () => void }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useKycReload();
  const [reason, setReason] = useState('');
  const verb = decision === 'ACCEPT' ? 'Accept' : 'Reject';
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`${verb} ${doc.filename}?`}
      submitLabel={`${verb} document`}
      destructive={decision === 'REJECT'}
      canSubmit={reason.trim().length >= 3}
      action={async () => {
        const { data } = await dataProvider.decideKycDocument(RESOURCES.kycCases, { id: doc.id, decision, reason: reason.trim() });
        return `${data.filename} ${data.status === 'ACCEPTED' ? 'accepted' : 'rejected'}.`;
      }}
      onDone={() => {
        setReason('');
        reload();
      }}
    >
      <TextField
        label="Reason (shown to the customer)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        multiline
        minRows={2}
        required
        autoFocus
        helperText="3 to 2,000 characters."
      />
    </FormDialog>
  );
}

function DocumentItem({ doc, canDecide }: { doc: KycDocumentRecord; canDecide: boolean }) {
  const [open, setOpen] = useState(false);
  const [deciding, setDeciding] = useState<KycDocumentDecision | null>(null);
  const Icon = doc.contentType === 'application/pdf' ? DescriptionOutlined : ImageOutlined;
  return (
    <Box component="li" sx={{ listStyle: 'none', border: 1, borderColor: 'divider', borderRadius: 2, p: 1.5 }}>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Icon color="action" sx={{ mt: 0.25 }} />
        <Box sx={{ flex: 1, minWidth: 180 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {DOCUMENT_KIND_LABEL[doc.kind]}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ wordBreak: 'break-all' }}>
            {doc.filename} · {formatBytes(doc.size)} · uploaded {formatDateTime(doc.createdAt)} by {doc.uploadedBy.name}
          </Typography>
          {doc.decisionReason && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              “{doc.decisionReason}”{doc.decidedBy ? ` — ${doc.decidedBy.name}` : ''}
            </Typography>
          )}
        </Box>
        <KycDocumentStatusChip status={doc.status} />
      </Box>
      <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
        <Button size="small" variant="outlined" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`${open ? 'Hide' : 'View'} ${doc.filename}`}>
          {open ? 'Hide' : 'View'}
        </Button>
        {canDecide && doc.status === 'PENDING' && (
          <>
            <Button size="small" variant="contained" color="success" onClick={() => setDeciding('ACCEPT')} aria-label={`Accept ${doc.filename}`}>
              Accept
            </Button>
            <Button size="small" variant="outlined" color="error" onClick={() => setDeciding('REJECT')} aria-label={`Reject ${doc.filename}`}>
              Reject
            </Button>
          </>
        )}
      </Box>
      {open && (
        <Box sx={{ mt: 1.5 }}>
          <KycDocumentViewer doc={doc} />
        </Box>
      )}
      {deciding && <DecideDocumentDialog doc={doc} decision={deciding} open onClose={() => setDeciding(null)} />}
    </Box>
  );
}

/** The case's documents, each viewable inline and, for its reviewer while in review, accepted or rejected with a reason. */
export function KycDocumentsCard({ kycCase }: { kycCase: KycCaseRecord }) {
  const { canAccess } = useCanAccess({ resource: RESOURCES.kycCases, action: 'review' });
  const documents = kycCase.detail?.documents;
  const canDecide = Boolean(canAccess) && kycCase.availableActions.includes('DECIDE_DOCUMENT');
  const pending = documents?.filter((d) => d.status === 'PENDING').length ?? 0;
  return (
    <Card>
      <CardContent>
        <SectionTitle count={documents?.length}>
          <DescriptionOutlined fontSize="small" color="action" /> Documents
        </SectionTitle>
        {canDecide && pending > 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {pending} to check: accept or reject each before recommending.
          </Typography>
        )}
        {documents === undefined ? (
          <Skeleton variant="rounded" height={72} />
        ) : documents.length === 0 ? (
          <Typography color="text.secondary">No documents uploaded.</Typography>
        ) : (
          <Stack component="ul" spacing={1.5} sx={{ m: 0, p: 0 }}>
            {documents.map((d) => (
              <DocumentItem key={d.id} doc={d} canDecide={canDecide} />
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
