import { type EntityMetadata, type EntityName, ReferenceKind, Utils } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { getNamedType, type GraphQLResolveInfo, isObjectType } from 'graphql';
import { preloadSelected, type Relation } from '../batch-loaders';
import { selectedField, selectedNodeFields, selectsField } from '../selection';
import type { ConnectionShape } from './connection';
import { isPlainFirstPage, type PageSelection, toPageRequest } from './paginate';

const memo = new WeakMap<GraphQLResolveInfo['fieldNodes'], readonly string[] | null>();

/**
 * The properties a list page must read to answer what its caller selects, or undefined to read
 * every column. A page reads only its columns when each selected node field is one of:
 * - a plain field (no resolver), named as a persisted column property of the entity;
 * - `id` (the global id, from the primary key);
 * - a relation in `relations` (read ahead by the list's resolver), whose many-to-one property holds its id.
 * Any other field (computed from several properties, a nested list) reads every column, so no
 * field resolver ever sees a property the page left out. paginate() adds the primary key and the
 * sort property (cursors). Unselected columns (a ticket's body, JSON payloads, timestamps nobody
 * asked for) then cost neither PostgreSQL's output nor parsing here.
 * Remembered per field of the document, as selectedNodeFields is.
 */
export function pageColumns<T extends object>(em: EntityManager, entity: EntityName<T>, info: GraphQLResolveInfo, relations: Readonly<Record<string, unknown>>): string[] | undefined {
  let columns = memo.get(info.fieldNodes);
  if (columns === undefined) {
    columns = columnsOf(em.getMetadata().get<object>(Utils.className(entity)) as EntityMetadata, info, relations);
    memo.set(info.fieldNodes, columns);
  }
  return columns ? [...columns] : undefined;
}

function columnsOf(meta: EntityMetadata, info: GraphQLResolveInfo, relations: Readonly<Record<string, unknown>>): string[] | null {
  const connection = getNamedType(info.returnType);
  const nodesField = isObjectType(connection) ? connection.getFields().nodes : undefined;
  const node = nodesField && getNamedType(nodesField.type);
  if (!isObjectType(node)) return null;
  const fields = node.getFields();
  const out: string[] = [];
  for (const name of selectedNodeFields(info)) {
    if (name.startsWith('__') || name === 'id') continue;
    const prop = meta.properties[name as never] as EntityMetadata['props'][number] | undefined;
    if (!prop || prop.persist === false || prop.fieldNames?.length !== 1) return null;
    if (Object.hasOwn(relations, name)) {
      if (prop.kind !== ReferenceKind.MANY_TO_ONE) return null;
    } else if (fields[name]?.resolve || prop.kind !== ReferenceKind.SCALAR) {
      return null;
    }
    out.push(name);
  }
  return out;
}

/**
 * A list page as its GraphQL selection asks for it: `list` reads the columns the selection needs
 * (pageColumns) and, in the same statement, the selected relations that can be joined (users:
 * `relation(…, { join })`) and its total when totalCount is selected; the other selected
 * relations are then read ahead, one batch each (preloadSelected), so that each row's relation
 * fields answer at once. A page of tickets with requester, assignee and totalCount is one statement.
 */
export async function selectedPage<C extends { em: EntityManager }, T extends object>(
  ctx: C,
  info: GraphQLResolveInfo,
  entity: EntityName<T>,
  related: Readonly<Record<string, Relation<C, T, unknown>>>,
  list: (selection: PageSelection) => Promise<ConnectionShape<T>>,
): Promise<ConnectionShape<T>> {
  const selected = selectedNodeFields(info);
  const includes = [];
  for (const field in related) {
    const include = selected.has(field) ? related[field]?.include?.(ctx) : undefined;
    if (include) includes.push(include);
  }
  const page = await list({ columns: pageColumns(ctx.em, entity, info, related), includes, total: selectsField(info, 'totalCount') });
  await preloadSelected(ctx, page.nodes, selected, related);
  return page;
}

/**
 * The plain first page (`first: n`, no cursor, no offset) of the connection field `name` that the
 * caller selects under the current field, and the fields it selects on its nodes: what a parent's
 * resolver needs to read that page with the parent in one statement. null for any other page, or
 * when the field is not selected once or its arguments are refused (its own resolver then reads
 * it, or says what is wrong, as usual).
 */
export function plainFirstPageSelected(info: GraphQLResolveInfo, name: string): { limit: number; nodeFields: ReadonlySet<string> } | null {
  const field = selectedField(info, name);
  if (!field) return null;
  try {
    const page = toPageRequest(field.args);
    return isPlainFirstPage(page) ? { limit: page.limit, nodeFields: field.nodeFields } : null;
  } catch {
    return null;
  }
}
