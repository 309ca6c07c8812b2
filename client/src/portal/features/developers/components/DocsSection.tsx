import Description from '@mui/icons-material/DescriptionOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useSession } from '../../../../shared/session';
import { useWebhookEventTypes } from '../hooks/useWebhooks';
import { CopyableText, MONO } from './CopyableText';

export const SCHEMA_PATH = '/api/schema.graphql';

/** Code samples for this deployment (its own origin). */
export function samples(origin: string) {
  const curl = `curl -s ${origin}/graphql \\
  -H 'content-type: application/json' \\
  -H "authorization: Bearer $ATRIUM_API_KEY" \\
  -d '{"query":"{ me { permissions apiKey { name } } tickets(first: 5) { totalCount nodes { number subject status } } }"}'`;

  const node = `// Node 18+ (global fetch). ATRIUM_API_KEY holds the secret (atr_...).
async function atrium(query, variables = {}) {
  for (;;) {
    const response = await fetch('${origin}/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: \`Bearer \${process.env.ATRIUM_API_KEY}\`,
      },
      body: JSON.stringify({ query, variables }),
    });
    if (response.status === 429) {
      // The key's budget is spent and nothing ran: wait as long as the server says, then retry.
      const seconds = Number(response.headers.get('retry-after') ?? '1');
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    const { data, errors, extensions } = await response.json();
    if (errors) throw new Error(\`\${errors[0].extensions?.code}: \${errors[0].message}\`);
    // { maximumAvailable, currentlyAvailable, restoreRate }: slow down before the bucket runs dry.
    console.debug(extensions?.cost?.throttleStatus);
    return data;
  }
}

const data = await atrium('query Tickets($first: Int) { tickets(first: $first) { nodes { id number subject status } } }', { first: 20 });
console.log(data.tickets.nodes);`;

  const verify = `// npm install standardwebhooks
import http from 'node:http';
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.ATRIUM_WEBHOOK_SECRET); // whsec_..., shown once in the portal
const seen = new Set(); // use your database: the same webhook-id may arrive twice

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8'); // verify the raw body, byte for byte
      let event;
      try {
        // Checks webhook-signature (HMAC-SHA256 over id.timestamp.body) and that
        // webhook-timestamp is recent; throws otherwise.
        event = webhook.verify(body, req.headers);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const id = req.headers['webhook-id'];
      if (!seen.has(id)) {
        seen.add(id);
        console.log(event.type, event.timestamp, event.data); // e.g. ticket.created
      }
      res.writeHead(204).end(); // answer 2xx quickly; do slow work afterwards
    });
  })
  .listen(3000);`;

  const costExtension = `{
  "data": { … },
  "extensions": {
    "cost": {
      "requestedQueryCost": …,   // computed before running
      "actualQueryCost": …,      // from what was really returned; the difference is refunded
      "throttleStatus": {
        "maximumAvailable": …,   // the bucket's size
        "currentlyAvailable": …, // what is left now
        "restoreRate": …         // points restored per second
      }
    }
  }
}`;
  return { curl, node, verify, costExtension };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 }, borderRadius: 3 }} component="section" aria-labelledby={id}>
      <Typography id={id} variant="h4" gutterBottom>
        {title}
      </Typography>
      <Stack spacing={1.5} sx={{ '& p': { lineHeight: 1.65 } }}>
        {children}
      </Stack>
    </Paper>
  );
}

const Code = ({ children }: { children: ReactNode }) => (
  <Box component="code" sx={{ fontFamily: MONO, fontSize: '0.85em', bgcolor: '#f1f5f9', px: 0.5, py: 0.1, borderRadius: 0.75 }}>
    {children}
  </Box>
);

/** How to integrate: keys, calls, permissions, budgets, limits, webhooks and their signatures. */
export function DocsSection() {
  const session = useSession();
  const canWebhooks = session.can('webhook:manage');
  const types = useWebhookEventTypes(!canWebhooks);
  const origin = window.location.origin;
  const s = samples(origin);
  const eventTypes = types.data?.webhookEventTypes;

  return (
    <Stack spacing={3}>
      <Paper variant="outlined" sx={{ p: 2.5, borderRadius: 3, display: 'flex', gap: 2, alignItems: { sm: 'center' }, flexDirection: { xs: 'column', sm: 'row' }, bgcolor: '#f8fafc' }}>
        <Box sx={{ flex: 1 }}>
          <Typography sx={{ fontWeight: 600 }}>One GraphQL API at {origin}/graphql</Typography>
          <Typography variant="body2" color="text.secondary">
            The schema describes every type and field. Point a code generator (graphql-codegen, gqlgen, Strawberry…) at it.
          </Typography>
        </Box>
        <Button variant="outlined" startIcon={<Description />} href={SCHEMA_PATH} target="_blank" rel="noopener">
          Download schema.graphql
        </Button>
      </Paper>

      <Section id="docs-keys" title="1. Create an API key">
        <Typography>
          On the <strong>API keys</strong> tab choose <strong>Create API key</strong>, name it after what will use it, tick the permissions it needs and, if you like,
          an expiry date. The secret (it starts with <Code>atr_</Code>) is shown <strong>once</strong>: store it in your secret manager straight away. Atrium keeps only a
          hash and the first characters (the prefix you see in the list) to tell keys apart.
        </Typography>
      </Section>

      <Section id="docs-call" title="2. Call the API with it">
        <Typography>
          Send the key as a bearer token: <Code>Authorization: Bearer atr_...</Code>. It works for GraphQL at <Code>/graphql</Code>, for{' '}
          <Code>POST /api/messages</Code> and for the KYC upload routes, exactly like a person’s access token. <Code>{'{ me { permissions apiKey { name } } }'}</Code> tells
          you what a key may do.
        </Typography>
        <Typography variant="subtitle2">curl</Typography>
        <CopyableText block text={s.curl} label="curl example" />
        <Typography variant="subtitle2">Node (fetch)</Typography>
        <CopyableText block text={s.node} label="Node example" />
      </Section>

      <Section id="docs-permissions" title="3. What a key may do">
        <Typography>
          A key acts for the member who created it, in this organisation only, with the permissions it was given <strong>capped by that member’s role now</strong>: if
          their role loses a permission, their keys lose it on the next request; if they leave the organisation or their account is deactivated, their keys stop working
          (<Code>UNAUTHENTICATED</Code>, reason <Code>API_KEY_CREATOR_INACTIVE</Code>). You can only give a key permissions you hold yourself.
        </Typography>
        <Typography>
          Keys never act as platform staff, and operations on a person’s own account (signing in, sessions, passwords, two-factor, leaving an organisation) answer{' '}
          <Code>FORBIDDEN</Code> <Code>API_KEY_NOT_ALLOWED</Code>. A revoked, expired or unknown key answers <Code>UNAUTHENTICATED</Code> with reason{' '}
          <Code>API_KEY_REVOKED</Code>, <Code>API_KEY_EXPIRED</Code> or <Code>API_KEY_INVALID</Code>. Creating and revoking keys, and refused uses, are in the audit trail.
        </Typography>
      </Section>

      <Section id="docs-cost" title="4. Cost budgets and throttle status">
        <Typography>
          Every query has a cost, computed before it runs: objects count, and a list multiplies what it selects by its page size (<Code>first</Code>/<Code>last</Code>).
          Each caller has a budget that works like a leaky bucket — one per API key, one per signed-in session, one per address for anonymous calls. A query takes its
          cost from the bucket, and the bucket refills at a steady rate. API keys get a larger bucket than people.
        </Typography>
        <Typography>Every answer tells you where you stand, in its extensions:</Typography>
        <CopyableText block text={s.costExtension} label="Cost extension" />
        <Typography>
          When the bucket cannot pay for a query, nothing runs: the answer is HTTP <strong>429</strong> with <Code>RATE_LIMITED</Code> and a <Code>Retry-After</Code> header
          (seconds). Wait that long, and pace your calls by <Code>currentlyAvailable</Code> and <Code>restoreRate</Code> rather than by fixed numbers: the sizes are set
          per deployment and may change.
        </Typography>
      </Section>

      <Section id="docs-limits" title="5. Limits on a single query">
        <Typography>
          Before anything runs, each request is checked against static limits; a refused one costs nothing and answers <Code>BAD_USER_INPUT</Code> with a{' '}
          <Code>reason</Code>: <Code>QUERY_TOO_LARGE</Code> (too many tokens), <Code>QUERY_TOO_DEEP</Code> (nesting), <Code>TOO_MANY_ALIASES</Code>,{' '}
          <Code>TOO_MANY_DIRECTIVES</Code> and <Code>QUERY_TOO_COMPLEX</Code> (its cost is over the maximum; the error carries <Code>cost</Code> and <Code>maxCost</Code>).
          A request body that is too large answers HTTP 413.
        </Typography>
        <Typography>
          Lists are Relay connections (<Code>edges</Code>, <Code>nodes</Code>, <Code>pageInfo</Code>, <Code>totalCount</Code>) paged with <Code>first</Code>/
          <Code>after</Code> (or <Code>offset</Code>), at most 100 per page. Ask for what you need: smaller pages and fewer nested lists cost less and keep your
          budget for more calls.
        </Typography>
      </Section>

      <Section id="docs-webhooks" title="6. Webhooks">
        <Typography>
          On the <strong>Webhooks</strong> tab add an endpoint (a URL of yours) and choose its events. Atrium POSTs each event there as JSON{' '}
          <Code>{'{ "type", "timestamp", "data" }'}</Code>, written in the same transaction as the change: a change that is undone sends nothing, and one that is saved is
          never lost.
        </Typography>
        <Typography variant="subtitle2">Event types</Typography>
        {eventTypes ? (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }} aria-label="Event types">
            {eventTypes.map((t) => (
              <Chip key={t} size="small" label={t} variant="outlined" sx={{ fontFamily: MONO }} />
            ))}
            <Chip size="small" label="webhook.test" sx={{ fontFamily: MONO }} />
          </Box>
        ) : (
          <Typography color="text.secondary">
            {canWebhooks ? (types.error ? 'The event types could not be loaded just now.' : 'Loading the event types…') : 'Members who manage webhooks see the event types here.'}
          </Typography>
        )}
        <Typography variant="subtitle2">Headers (Standard Webhooks)</Typography>
        <Box component="ul" sx={{ m: 0, pl: 3, '& li': { mb: 0.5 } }}>
          <li>
            <Code>webhook-id</Code>: the event’s id, the same on every retry and redelivery: deduplicate on it.
          </li>
          <li>
            <Code>webhook-timestamp</Code>: Unix seconds when it was sent; reject old ones to stop replays.
          </li>
          <li>
            <Code>webhook-signature</Code>: <Code>v1,&lt;base64 HMAC-SHA256 of id.timestamp.body&gt;</Code>, space-separated when more than one secret signs (for 24 hours after a rotation).
          </li>
        </Box>
        <Typography variant="subtitle2">Verify the signature (Node)</Typography>
        <CopyableText block text={s.verify} label="Webhook verification example" />
        <Typography variant="subtitle2">Retries</Typography>
        <Typography>
          Answer with any 2xx within a few seconds. A timeout, a redirect or any other status is a failed attempt, retried with growing pauses over about a day; the{' '}
          <strong>Delivery log</strong> shows each attempt’s status, duration and the start of your answer, and lets you redeliver. An endpoint that keeps failing is
          disabled and your organisation’s owners are told; enable it again once it is fixed. <strong>Send test event</strong> sends a <Code>webhook.test</Code> event
          to check your receiver at any time.
        </Typography>
      </Section>

      <Typography variant="body2" color="text.secondary">
        Full reference: the descriptions in <Link href={SCHEMA_PATH}>schema.graphql</Link>.
      </Typography>
    </Stack>
  );
}
