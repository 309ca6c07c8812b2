import { BREAK, type FieldNode, getArgumentValues, getNamedType, type GraphQLField, type GraphQLResolveInfo, isObjectType, Kind, type SelectionSetNode, visit } from 'graphql';

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

const selectedNames = new WeakMap<readonly FieldNode[], ReadonlySet<string>>();

/**
 * True when the caller selects the field `name` on the current field's object (a connection's
 * `totalCount`), through fragments, and under @include/@skip too (as fieldsOf). Remembered per
 * field of the document.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  let names = selectedNames.get(info.fieldNodes);
  if (!names) selectedNames.set(info.fieldNodes, (names = new Set(childFields(info, info.fieldNodes).keys())));
  return names.has(name);
}

/** A field the caller selects under the current one, with its arguments as the field's resolver will get them. */
export interface SelectedField {
  /** The arguments, coerced (variables and defaults applied). */
  readonly args: Readonly<Record<string, unknown>>;
  /** For a connection: the fields selected on its nodes (as selectedNodeFields). */
  readonly nodeFields: ReadonlySet<string>;
}

/** What selectedField learns of a field of the document once: the node, its definition, its node fields and, when no variable feeds them, its arguments. */
interface FieldPlan {
  readonly node: FieldNode;
  readonly def: GraphQLField<unknown, unknown>;
  readonly nodeFields: ReadonlySet<string>;
  /** The coerced arguments when they are written in the document (frozen: shared by every request of the document), null when they cannot be coerced, undefined when a variable feeds them. */
  readonly constantArgs: Readonly<Record<string, unknown>> | null | undefined;
}

const plans = new WeakMap<readonly FieldNode[], Map<string, FieldPlan | null>>();

/** True when a variable appears anywhere in the field's arguments. */
function argumentsUseVariables(node: FieldNode): boolean {
  let found = false;
  for (const arg of node.arguments ?? []) {
    visit(arg.value, { Variable: () => { found = true; return BREAK; } });
    if (found) return true;
  }
  return false;
}

function planOf(info: GraphQLResolveInfo, name: string): FieldPlan | null {
  const nodes = childFields(info, info.fieldNodes).get(name);
  const node = nodes?.length === 1 ? nodes[0] : undefined;
  const type = getNamedType(info.returnType);
  const def = node && isObjectType(type) ? type.getFields()[name] : undefined;
  if (!node || !def) return null;
  let constantArgs: FieldPlan['constantArgs'];
  if (!argumentsUseVariables(node)) {
    try {
      constantArgs = Object.freeze(getArgumentValues(def, node));
    } catch {
      constantArgs = null;
    }
  }
  return { node, def, nodeFields: nodeFieldsOf(info, [node]), constantArgs };
}

/**
 * The one `name` field the caller selects on the current field's object (a ticket's `comments`),
 * so its resolver can read it ahead in the same statement; null when it is not selected, selected
 * more than once (aliases, fragments), or its arguments cannot be coerced: the field's own
 * resolver then reads it (and refuses bad arguments) as usual.
 *
 * What depends on the document alone is learned once per field of the document (graphql-js and
 * graphql-jit pass the same field nodes on every request of a cached document): the field's node,
 * the fields selected on its nodes and, when no variable feeds them, its coerced arguments. Only
 * arguments fed by variables are coerced again on each call.
 */
export function selectedField(info: GraphQLResolveInfo, name: string): SelectedField | null {
  let byName = plans.get(info.fieldNodes);
  if (!byName) plans.set(info.fieldNodes, (byName = new Map<string, FieldPlan | null>()));
  let plan = byName.get(name);
  if (plan === undefined) byName.set(name, (plan = planOf(info, name)));
  if (!plan) return null;
  if (plan.constantArgs !== undefined) return plan.constantArgs && { args: plan.constantArgs, nodeFields: plan.nodeFields };
  try {
    return { args: getArgumentValues(plan.def, plan.node, info.variableValues), nodeFields: plan.nodeFields };
  } catch {
    return null;
  }
}
