import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { badInput, notFound } from '../../common/errors';
import { fromGlobalId, type DecodedGlobalId } from '../../common/global-id';
import { groupBy } from '../../common/batch-loaders';
import type { Context } from '../../context/context';
import { auditPlatformAccess } from '../audit/audit.service';
import { isNodeType, loadNodes } from './node.registry';

const MAX_NODES = 100;

async function fetchNodes(ctx: Context, decoded: DecodedGlobalId[]): Promise<(object | Error)[]> {
  const byType = new Map([...groupBy(decoded, (d) => d.type)].map(([type, list]) => [type, list.map((d) => d.id)]));
  const found = new Map<string, Map<string, object>>();
  for (const [type, ids] of byType) found.set(type, await loadNodes(ctx, type, ids));
  await auditPlatformAccess(ctx, 'nodes', { types: [...byType.keys()], count: decoded.length });
  // An Error in a nullable list position becomes null there plus a located error.
  return decoded.map((d) => found.get(d.type)?.get(d.id) ?? notFound(d.type).toGraphQLError());
}

function decodeAll(ctx: Context, ids: string[]): DecodedGlobalId[] {
  return ids.map((id) => {
    const decoded = fromGlobalId(id);
    if (!isNodeType(ctx, decoded.type)) throw badInput(`Unknown node type "${decoded.type}".`);
    return decoded;
  });
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by global id; ids you cannot see answer NOT_FOUND.' })
  async node(@Arg('id', () => ID, { description: 'Global id of the object.' }) id: string, @Ctx() ctx: Context): Promise<object> {
    const [result] = await fetchNodes(ctx, decodeAll(ctx, [id]));
    if (!result || result instanceof Error) throw notFound('Node');
    return result;
  }

  @Query(() => [Node], { nullable: 'items', description: `Up to ${MAX_NODES} objects by global id, in order; unseen ids are null.` })
  async nodes(@Arg('ids', () => [ID], { description: 'Global ids of the objects; each answers in the same position.' }) ids: string[], @Ctx() ctx: Context): Promise<(object | Error)[]> {
    if (ids.length > MAX_NODES) throw badInput(`At most ${MAX_NODES} ids at once.`);
    return fetchNodes(ctx, decodeAll(ctx, ids));
  }
}
