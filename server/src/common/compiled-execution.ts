import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionResult,
  getVariableValues,
  type GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  type VariableDefinitionNode,
} from 'graphql';
import { compileQuery, type CompiledQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = NonNullable<ApolloServerOptions<BaseContext>['gateway']>;

/** Compiled operations of one document, by operation name ('' when the document has one operation). */
type Compiled = Map<string, CompiledQuery | ExecutionResult>;

/** At most this many operations per document are kept compiled (a document names few; this bounds a client that names many). */
const MAX_OPERATIONS_PER_DOCUMENT = 16;

/**
 * Executes queries and mutations as graphql-jit compiles them, instead of graphql-js walking the
 * selection for every request: each operation is compiled once into a JavaScript function that
 * calls the same resolvers (type-graphql's, behind shield) in the same order, with the same error
 * paths, and the compiled function is kept with Apollo's parsed document. Apollo parses, validates
 * (depth, aliases, cost) and runs its plugins exactly as before; only the execution step changes.
 *
 * It is plugged in through Apollo Server's gateway interface, the one public way to replace the
 * executor. Subscriptions do not come through here: they run over WebSocket (modules/realtime).
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  // Apollo keeps one DocumentNode per distinct query text in its document store (LRU), so a
  // document's compiled form lives exactly as long as Apollo remembers the query.
  const compiled = new WeakMap<DocumentNode, Compiled>();

  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | ExecutionResult => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map<string, CompiledQuery | ExecutionResult>()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (!query) {
      // Stacks are not captured for errors the compiled code raises itself (non-null
      // violations): formatError never shows one, and capturing them costs on every error.
      query = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      if (byName.size < MAX_OPERATIONS_PER_DOCUMENT) byName.set(key, query);
    }
    return query;
  };

  return {
    async load() {
      return {
        executor: async ({ document, request, context, operationName, operation }) => {
          const definitions = operation.variableDefinitions ?? [];
          let variables: Record<string, unknown> = {};
          if (definitions.length) {
            // Variables are coerced by graphql-js, as before: its errors are the ones Apollo
            // recognises as bad input (400, BAD_USER_INPUT), and it fills in input fields'
            // defaults, which graphql-jit 0.8 refuses as missing when they are non-null. The
            // compiled query coerces again what it is given, so it gets the values in their wire form.
            const coerced = getVariableValues(schema, definitions, request.variables ?? {}, { maxErrors: 50 });
            if (coerced.errors) return { errors: coerced.errors };
            variables = wireForm(schema, definitions, coerced.coerced);
          }
          const query = compiledFor(document, operationName ?? undefined);
          // A document that does not compile answers with the compiler's errors.
          if (!isCompiledQuery(query)) return query;
          const result = await query.query(undefined, context, variables);
          return result.errors ? { ...result, errors: result.errors.map(withExtensions) } : result;
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}

/**
 * graphql-jit leaves `extensions` undefined on an error whose original has none (a plain Error
 * from the database driver), where graphql-js gives an empty object and Apollo's error
 * formatting reads it. Such an error is handed on as itself with an empty `extensions`.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  return Object.create(error, { extensions: { value: {}, enumerable: false } }) as GraphQLError;
}

/** A coerced input value back in the form a client sends it: enums by name, scalars serialized, defaults kept. */
function wireValue(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return wireValue(type.ofType, value);
  if (isListType(type)) {
    const item = type.ofType;
    return Array.isArray(value) ? value.map((v) => wireValue(item, v)) : wireValue(item, value);
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) out[name] = fields[name] ? wireValue(fields[name].type, item) : item;
    return out;
  }
  return type.serialize(value);
}

/** Coerced variables in their wire form (see wireValue). */
function wireForm(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], coerced: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type && name in coerced) out[name] = wireValue(type, coerced[name]);
  }
  return out;
}
