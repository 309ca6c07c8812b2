import GavelOutlined from '@mui/icons-material/GavelOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useGetIdentity } from 'react-admin';
import type { KycDecision, KycRecommendation, KycRiskRating } from '../../gql/graphql';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { KycCaseRecord } from '../providers/kyc.provider';
import { RESOURCES } from '../resource-names';
import { DetailList, SectionTitle } from '../ui/DetailList';
import { FormDialog } from '../ui/FormDialog';
import { formatDateTime } from '../ui/format';
import { PersonCell } from '../ui/People';
import { KYC_STATUS_META, RecommendationChip, RISK_LABEL, RiskChip } from './kycUi';
import { useKycReload } from './useKycReload';

type Dialog = 'requestInfo' | 'recommend' | 'APPROVE' | 'REJECT' | null;

const STATUS_AFTER: Record<string, string> = { IN_REVIEW: 'in review', NEEDS_INFO: 'waiting for the customer', APPROVED: 'approved', REJECTED: 'rejected' };

function RecommendDialog({ kycCase, open, onClose }: { kycCase: KycCaseRecord; open: boolean; onClose: () => void }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useKycReload();
  const [recommendation, setRecommendation] = useState<KycRecommendation>('APPROVE');
  const [riskRating, setRisk] = useState<KycRiskRating>('LOW');
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`Recommend a decision on ${kycCase.subjectName}`}
      submitLabel="Record recommendation"
      canSubmit={reason.trim().length >= 3}
      action={async () => {
        await dataProvider.kycReviewStep(RESOURCES.kycCases, { step: 'recommend', id: kycCase.id, version: kycCase.version, recommendation, riskRating, reason: reason.trim() });
        return 'Recommendation recorded; a second staff member decides.';
      }}
      onDone={reload}
    >
      <TextField select label="Recommendation" value={recommendation} onChange={(e) => setRecommendation(e.target.value as KycRecommendation)}>
        <MenuItem value="APPROVE">Approve</MenuItem>
        <MenuItem value="REJECT">Reject</MenuItem>
      </TextField>
      <TextField select label="Risk rating" value={riskRating} onChange={(e) => setRisk(e.target.value as KycRiskRating)}>
        {(['LOW', 'MEDIUM', 'HIGH'] as const).map((r) => (
          <MenuItem key={r} value={r}>
            {RISK_LABEL[r]}
          </MenuItem>
        ))}
      </TextField>
      <TextField label="Reason (for the second reviewer)" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} required helperText="3 to 2,000 characters." />
    </FormDialog>
  );
}

function RequestInfoDialog({ kycCase, open, onClose }: { kycCase: KycCaseRecord; open: boolean; onClose: () => void }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useKycReload();
  const [message, setMessage] = useState('');
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Ask the customer for more information"
      submitLabel="Send request"
      canSubmit={message.trim().length >= 3}
      action={async () => {
        await dataProvider.kycReviewStep(RESOURCES.kycCases, { step: 'requestInfo', id: kycCase.id, version: kycCase.version, message: message.trim() });
        return `${kycCase.tenant.name} was asked for more information.`;
      }}
      onDone={reload}
    >
      <TextField label="What is missing (shown to the customer)" value={message} onChange={(e) => setMessage(e.target.value)} multiline minRows={3} required autoFocus helperText="3 to 2,000 characters." />
    </FormDialog>
  );
}

function DecideDialog({ kycCase, decision, open, onClose }: { kycCase: KycCaseRecord; decision: KycDecision; open: boolean; onClose: () => void }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useKycReload();
  const [reason, setReason] = useState('');
  const [customerMessage, setCustomerMessage] = useState('');
  const verb = decision === 'APPROVE' ? 'Approve' : 'Reject';
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`${verb} ${kycCase.subjectName}?`}
      submitLabel={`${verb} case`}
      destructive={decision === 'REJECT'}
      canSubmit={reason.trim().length >= 3}
      action={async () => {
        const { data } = await dataProvider.kycReviewStep(RESOURCES.kycCases, { step: 'decide', id: kycCase.id, version: kycCase.version, decision, reason: reason.trim(), customerMessage });
        return `${kycCase.subjectName} ${STATUS_AFTER[data.status] ?? data.status.toLowerCase()}.`;
      }}
      onDone={reload}
    >
      <Typography variant="body2" color="text.secondary">
        This is the final decision; the case cannot be changed afterwards.
      </Typography>
      <TextField label="Reason (staff only)" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} required autoFocus helperText="3 to 2,000 characters." />
      <TextField label="Message to the customer (optional)" value={customerMessage} onChange={(e) => setCustomerMessage(e.target.value)} multiline minRows={2} />
    </FormDialog>
  );
}

/**
 * Four-eyes, visible: who reviews and what they recommended, who decided; and the steps the
 * signed-in staff member may take now (from the case's availableActions: the reviewer is never
 * offered the decision, and the server refuses it anyway).
 */
export function KycReviewCard({ kycCase }: { kycCase: KycCaseRecord }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useKycReload();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: RESOURCES.kycCases, action: 'review' });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const actions = canAccess ? kycCase.availableActions : [];
  const can = (a: (typeof actions)[number]) => actions.includes(a);
  const isReviewer = Boolean(identity && kycCase.reviewer && identity.id === kycCase.reviewer.id);
  const detail = kycCase.detail;

  const startReview = async () => {
    setStarting(true);
    setStartError(null);
    try {
      await dataProvider.kycReviewStep(RESOURCES.kycCases, { step: 'startReview', id: kycCase.id, version: kycCase.version });
      reload();
    } catch (err) {
      setStartError(err instanceof Error ? err.message : 'Something went wrong.');
    } finally {
      setStarting(false);
    }
  };

  return (
    <Card>
      <CardContent>
        <SectionTitle>
          <GavelOutlined fontSize="small" color="action" /> Review (four-eyes)
        </SectionTitle>
        <DetailList
          items={[
            { label: 'Reviewer', value: <PersonCell person={kycCase.reviewer} nobody="Nobody yet" /> },
            ...(kycCase.reviewStartedAt ? [{ label: 'Review started', value: formatDateTime(kycCase.reviewStartedAt) }] : []),
            {
              label: 'Recommended',
              value: kycCase.recommendation ? (
                <Stack spacing={0.75} aria-label="Recommendation">
                  <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }}>
                    <RecommendationChip recommendation={kycCase.recommendation} />
                    {kycCase.riskRating && <RiskChip risk={kycCase.riskRating} />}
                  </Box>
                  <Typography variant="body2">
                    by <strong>{kycCase.reviewer?.name ?? 'the reviewer'}</strong>
                    {kycCase.recommendedAt ? `, ${formatDateTime(kycCase.recommendedAt)}` : ''}
                  </Typography>
                  {detail?.recommendationReason && <Typography variant="body2">“{detail.recommendationReason}”</Typography>}
                </Stack>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  Not yet
                </Typography>
              ),
            },
            {
              label: 'Decided',
              value: kycCase.decidedBy ? (
                <Stack spacing={0.5}>
                  <Typography variant="body2">
                    {KYC_STATUS_META[kycCase.status].label} by <strong>{kycCase.decidedBy.name}</strong>
                    {kycCase.decidedAt ? `, ${formatDateTime(kycCase.decidedAt)}` : ''}
                  </Typography>
                  {detail?.decisionReason && <Typography variant="body2">“{detail.decisionReason}”</Typography>}
                </Stack>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  Not yet
                </Typography>
              ),
            },
          ]}
        />
        {kycCase.status === 'IN_REVIEW' && kycCase.recommendation && isReviewer && (
          <Alert severity="info" sx={{ mt: 2 }}>
            You recommended this case, so a second staff member must make the decision (four-eyes).
          </Alert>
        )}
        {kycCase.status === 'IN_REVIEW' && !kycCase.recommendation && !isReviewer && canAccess && (
          <Alert severity="info" sx={{ mt: 2 }}>
            Waiting for {kycCase.reviewer?.name ?? 'the reviewer'} to check the documents and recommend; then you can decide.
          </Alert>
        )}
        {startError && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {startError}
          </Alert>
        )}
        {actions.length > 0 && (
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 2 }}>
            {can('START_REVIEW') && (
              <Button variant="contained" onClick={() => void startReview()} disabled={starting}>
                Start review
              </Button>
            )}
            {can('RECOMMEND') && !kycCase.recommendation && (
              <Button variant="contained" onClick={() => setDialog('recommend')}>
                Recommend
              </Button>
            )}
            {can('REQUEST_INFO') && (
              <Button variant="outlined" onClick={() => setDialog('requestInfo')}>
                Request information
              </Button>
            )}
            {can('APPROVE') && (
              <Button variant="contained" color="success" onClick={() => setDialog('APPROVE')}>
                Approve
              </Button>
            )}
            {can('REJECT') && (
              <Button variant="outlined" color="error" onClick={() => setDialog('REJECT')}>
                Reject
              </Button>
            )}
          </Box>
        )}
      </CardContent>
      {dialog === 'recommend' && <RecommendDialog kycCase={kycCase} open onClose={() => setDialog(null)} />}
      {dialog === 'requestInfo' && <RequestInfoDialog kycCase={kycCase} open onClose={() => setDialog(null)} />}
      {(dialog === 'APPROVE' || dialog === 'REJECT') && <DecideDialog kycCase={kycCase} decision={dialog} open onClose={() => setDialog(null)} />}
    </Card>
  );
}
