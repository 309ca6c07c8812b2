import { type FieldNode, getArgumentValues, getNamedType, type GraphQLResolveInfo, isObjectType, Kind, type SelectionSetNode } from 'graphql';

/**
 * The field names a selection set asks for, through inline fragments and fragment spreads.
 * A field under @include/@skip counts as asked for: the answer is used to read more in one
 * statement, never to read less, so erring on "asked" only costs a little.
 */
function fieldsOf(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, into: Map<string, FieldNode[]>, seen: Set<string>): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const list = into.get(selection.name.value);
      if (list) list.push(selection);
      else into.set(selection.name.value, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fieldsOf(info, selection.selectionSet, into, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fieldsOf(info, info.fragments[selection.name.value]?.selectionSet, into, seen);
    }
  }
}

function childFields(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const into = new Map<string, FieldNode[]>();
  const seen = new Set<string>();
  for (const node of nodes) fieldsOf(info, node.selectionSet, into, seen);
  return into;
}

const memo = new WeakMap<readonly FieldNode[], ReadonlySet<string>>();

/**
 * The fields a connection's caller selects on its nodes, under `nodes { … }` and `edges { node { … } }`.
 * Remembered per field of the document (graphql-js passes the same field nodes for every item of a
 * list), so a nested connection asks once per request, not once per parent.
 */
export function selectedNodeFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  let fields = memo.get(info.fieldNodes);
  if (!fields) {
    fields = nodeFieldsOf(info);
    memo.set(info.fieldNodes, fields);
  }
  return fields;
}

function nodeFieldsOf(info: GraphQLResolveInfo, fieldNodes: readonly FieldNode[] = info.fieldNodes): Set<string> {
  const top = childFields(info, fieldNodes);
  const nodes = [...(top.get('nodes') ?? [])];
  for (const edge of top.get('edges') ?? []) {
    const edgeFields = childFields(info, [edge]);
    nodes.push(...(edgeFields.get('node') ?? []));
  }
  return new Set(childFields(info, nodes).keys());
}

/** A field the caller selects under the current one, with its arguments as the field's resolver will get them. */
export interface SelectedField {
  /** The arguments, coerced (variables and defaults applied). */
  readonly args: Record<string, unknown>;
  /** For a connection: the fields selected on its nodes (as selectedNodeFields). */
  readonly nodeFields: ReadonlySet<string>;
}

/**
 * The one `name` field the caller selects on the current field's object (a ticket's `comments`),
 * so its resolver can read it ahead in the same statement; null when it is not selected, selected
 * more than once (aliases, fragments), or its arguments cannot be coerced: the field's own
 * resolver then reads it (and refuses bad arguments) as usual.
 */
export function selectedField(info: GraphQLResolveInfo, name: string): SelectedField | null {
  const nodes = childFields(info, info.fieldNodes).get(name);
  const node = nodes?.length === 1 ? nodes[0] : undefined;
  const type = getNamedType(info.returnType);
  const def = node && isObjectType(type) ? type.getFields()[name] : undefined;
  if (!node || !def) return null;
  try {
    return { args: getArgumentValues(def, node, info.variableValues), nodeFields: nodeFieldsOf(info, [node]) };
  } catch {
    return null;
  }
}
