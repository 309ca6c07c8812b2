import type { ApolloClient } from '@apollo/client';
import { HttpError } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { ToolStatus } from '../../gql/graphql';
import { checkSchemaText } from '../tools/schemaCheck';
import { runMutation, runQuery } from './graphql';
import { compact, createResourceProvider, listFilter, listResultOf, nodeOfType, nodesOfType, orderOf, type ResourceProvider, textFilter } from './resource-provider';

export const TOOL_STATUSES = ['ACTIVE', 'BETA', 'RETIRED'] as const satisfies readonly ToolStatus[];

const TOOL_FIELDS = graphql(`
  fragment AdminToolFields on Tool {
    id
    key
    name
    category
    description
    status
    inputSchema
    createdAt
    updatedAt
  }
`);

export const ADMIN_TOOLS_QUERY = graphql(`
  query AdminTools($first: Int, $offset: Int, $filter: ToolFilter, $orderBy: ToolOrder) {
    tools(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        ...AdminToolFields
      }
    }
  }
`);

export const ADMIN_TOOL_QUERY = graphql(`
  query AdminTool($id: ID!) {
    node(id: $id) {
      __typename
      ... on Tool {
        ...AdminToolFields
      }
    }
  }
`);

export const ADMIN_TOOLS_BY_IDS_QUERY = graphql(`
  query AdminToolsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Tool {
        ...AdminToolFields
      }
    }
  }
`);

export const ADMIN_CREATE_TOOL_MUTATION = graphql(`
  mutation AdminCreateTool($input: CreateToolInput!) {
    createTool(input: $input) {
      ...AdminToolFields
    }
  }
`);

export const ADMIN_UPDATE_TOOL_MUTATION = graphql(`
  mutation AdminUpdateTool($input: UpdateToolInput!) {
    updateTool(input: $input) {
      ...AdminToolFields
    }
  }
`);

export interface ToolRecord {
  id: string;
  key: string;
  name: string;
  category: string;
  description: string;
  status: ToolStatus;
  inputSchema: Record<string, unknown>;
  /** The schema as the editor holds it: indented JSON text. */
  inputSchemaText: string;
  createdAt: string;
  updatedAt: string;
}

function toToolRecord(ref: FragmentType<typeof TOOL_FIELDS>): ToolRecord {
  const t = getFragmentData(TOOL_FIELDS, ref);
  const inputSchema = (typeof t.inputSchema === 'object' && t.inputSchema !== null ? t.inputSchema : {}) as Record<string, unknown>;
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    category: t.category,
    description: t.description,
    status: t.status,
    inputSchema,
    inputSchemaText: JSON.stringify(inputSchema, null, 2),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/** The editor's text as a schema; a bad one is refused beside the field, before any request. */
function schemaOf(text: unknown): Record<string, unknown> {
  const check = checkSchemaText(typeof text === 'string' ? text : '');
  if (check.ok) return check.schema;
  throw new HttpError(check.problem, 400, { code: 'BAD_USER_INPUT', errors: { inputSchemaText: check.problem, root: { serverError: check.problem } } });
}

/** The API's input field names as the form's sources. */
const FIELD_NAMES = { inputSchema: 'inputSchemaText' };

/** The tools catalog: listed (text, status, category), created and edited by staff with platform:tool:manage. */
export function createToolsProvider(client: ApolloClient): ResourceProvider<ToolRecord> {
  return createResourceProvider<ToolRecord>({
    label: { one: 'Tool', many: 'Tools' },
    async list({ page, sort, filter, signal }) {
      const data = await runQuery(
        client,
        ADMIN_TOOLS_QUERY,
        {
          ...page,
          filter: compact({ text: textFilter(filter.q), status: listFilter(filter.status, TOOL_STATUSES), category: textFilter(filter.category) }),
          orderBy: orderOf(sort, { key: 'KEY', name: 'NAME', createdAt: 'CREATED_AT' } as const, { field: 'KEY', direction: 'ASC' }),
        },
        { signal },
      );
      return listResultOf(data.tools, toToolRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_TOOL_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'Tool', toToolRecord);
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_TOOLS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'Tool', toToolRecord);
    },
    async create(data) {
      const inputSchema = schemaOf(data.inputSchemaText);
      const r = await runMutation(
        client,
        ADMIN_CREATE_TOOL_MUTATION,
        {
          input: {
            key: (data.key ?? '').trim(),
            name: data.name ?? '',
            category: (data.category ?? '').trim(),
            description: data.description ?? '',
            status: data.status ?? 'BETA',
            inputSchema,
          },
        },
        FIELD_NAMES,
      );
      return toToolRecord(r.createTool);
    },
    /** Only what changed is sent; the key never changes. */
    async update({ id, data, previousData }) {
      const inputSchema = schemaOf(data.inputSchemaText ?? previousData.inputSchemaText);
      const changed = <K extends 'name' | 'category' | 'description' | 'status'>(k: K) => (data[k] !== undefined && data[k] !== previousData[k] ? data[k] : undefined);
      const input = {
        id,
        name: changed('name'),
        category: changed('category'),
        description: changed('description'),
        status: changed('status'),
        inputSchema: JSON.stringify(inputSchema) !== JSON.stringify(previousData.inputSchema) ? inputSchema : undefined,
      };
      if (Object.values(input).filter((v) => v !== undefined).length === 1) return previousData;
      const r = await runMutation(client, ADMIN_UPDATE_TOOL_MUTATION, { input }, FIELD_NAMES);
      return toToolRecord(r.updateTool);
    },
  });
}
