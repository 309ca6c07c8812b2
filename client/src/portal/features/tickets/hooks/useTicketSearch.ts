import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { graphql } from '../../../../gql';

const TICKET_SEARCH_QUERY = graphql(`
  query TicketSearch($text: String!) {
    tickets(first: 6, filter: { text: $text }, orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes {
        id
        number
        subject
      }
    }
  }
`);

/** The shortest query sent to the server; one letter would match nearly every ticket. */
export const TICKET_SEARCH_MIN_LENGTH = 2;
const DEBOUNCE_MS = 250;
const NO_RESULTS: TicketSearch['results'] = [];

export interface TicketSearch {
  results: readonly { id: string; number: number; subject: string }[];
  loading: boolean;
  error: boolean;
}

/**
 * Tickets whose subject or body match `query`, most recently updated first, for the command
 * palette. The query is sent once the user pauses typing; nothing is sent when `enabled` is
 * false (the role cannot read tickets) or the query is too short.
 */
export function useTicketSearch(query: string, enabled: boolean): TicketSearch {
  const text = query.trim().slice(0, 100);
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const skip = !enabled || debounced.length < TICKET_SEARCH_MIN_LENGTH;
  const { data, previousData, loading, error } = useQuery(TICKET_SEARCH_QUERY, { variables: { text: debounced }, skip });
  const nodes = (data ?? previousData)?.tickets.nodes;
  // Newest first from the server; tickets whose subject matches go before body-only matches.
  const results = useMemo(() => {
    const inSubject = (subject: string) => subject.toLowerCase().includes(debounced.toLowerCase());
    return [...(nodes ?? [])].sort((a, b) => Number(inSubject(b.subject)) - Number(inSubject(a.subject)));
  }, [nodes, debounced]);
  if (skip || text.length < TICKET_SEARCH_MIN_LENGTH) return { results: NO_RESULTS, loading: false, error: false };
  return { results, loading: loading || debounced !== text, error: Boolean(error) };
}
