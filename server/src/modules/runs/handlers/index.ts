import type { ToolRegistry } from '../run.handler';
import { summariseTicket, TICKET_SUMMARISE_SCHEMA } from './ticket-summarise.tool';
import { validateVat, VAT_VALIDATE_SCHEMA } from './vat-validate.tool';

/** The tools this server can run, with their catalog entries (the seed puts these in the catalog). */
export const DEMO_TOOLS = [
  {
    key: 'ticket.summarise',
    name: 'Ticket summary',
    category: 'support',
    description: 'Reads a ticket and its comments and picks the key sentences, with counts and participants.',
    inputSchema: TICKET_SUMMARISE_SCHEMA,
    handler: summariseTicket,
  },
  {
    key: 'vat.validate',
    name: 'VAT number check',
    category: 'finance',
    description: 'Checks an EU VAT number: the format of its country, and the check digits for DE, NL, BE and IT.',
    inputSchema: VAT_VALIDATE_SCHEMA,
    handler: validateVat,
  },
] as const;

export function createToolRegistry(): ToolRegistry {
  return new Map(DEMO_TOOLS.map((t) => [t.key, t.handler]));
}
