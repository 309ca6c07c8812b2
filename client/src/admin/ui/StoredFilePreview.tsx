import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { SectionError } from './SectionState';

/**
 * A stored file inline (a KYC document, a ticket attachment): a PDF in a frame, an image as an
 * image. `read` fetches it with the staff member's token (the download routes want it) into a
 * local object URL, freed when the preview goes. A failed read shows with a retry.
 */
export function StoredFilePreview({
  queryKey,
  read,
  label,
  loadingHeight,
}: {
  queryKey: readonly unknown[];
  read: (signal: AbortSignal) => Promise<Blob>;
  /** The frame's title and the image's alt text. */
  label: string;
  loadingHeight: number;
}) {
  const file = useQuery({ queryKey, queryFn: ({ signal }) => read(signal), staleTime: Infinity, gcTime: 0, retry: false });
  const url = useMemo(() => (file.data ? URL.createObjectURL(file.data) : null), [file.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (file.error) return <SectionError error={file.error} onRetry={() => void file.refetch()} />;
  if (!url || !file.data) return <Skeleton variant="rounded" height={loadingHeight} aria-label={`Loading ${label}`} />;
  if (file.data.type === 'application/pdf') {
    return <Box component="iframe" src={url} title={label} sx={{ width: '100%', height: { xs: 420, md: 560 }, border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: '#f8fafc' }} />;
  }
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: '#f8fafc', p: 1, textAlign: 'center' }}>
      <Box component="img" src={url} alt={label} sx={{ maxWidth: '100%', maxHeight: 560, objectFit: 'contain' }} />
    </Box>
  );
}
