import { useQueryClient } from '@tanstack/react-query';
import { RESOURCES } from '../resource-names';

/** Re-reads every KYC case (the page, the queue) after a change; files already shown stay. */
export function useKycReload(): () => void {
  const queryClient = useQueryClient();
  return () =>
    void queryClient.invalidateQueries({
      queryKey: [RESOURCES.kycCases],
      predicate: (q) => q.queryKey[1] !== 'file',
    });
}
