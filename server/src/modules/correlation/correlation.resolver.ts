import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context/context';
import { Correlation } from './correlation.types';
import { type CorrelationShape, getCorrelation } from './correlation.service';

@Resolver(() => Correlation)
export class CorrelationResolver {
  @Query(() => Correlation, {
    description: 'Everything carrying this correlation id that you may see (messages, runs, events, tickets, incidents, audit entries), oldest first.',
  })
  correlation(@Arg('id', { description: 'Correlation id (the x-correlation-id of a request) to look up.' }) id: string, @Ctx() ctx: Context): Promise<CorrelationShape> {
    return getCorrelation(ctx, id);
  }
}
