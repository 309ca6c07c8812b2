import { useQueryClient } from '@tanstack/react-query';
import { RESOURCES } from '../resource-names';

/** Re-reads every incident (the page, the list) after a change. */
export function useIncidentReload(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: [RESOURCES.incidents] });
}
