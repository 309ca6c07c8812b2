import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context/context';
import { DashboardWidget, WidgetType } from './dashboard-widget.entity';
import { AddDashboardWidgetInput, MoveDashboardWidgetInput, UpdateDashboardWidgetInput } from './dashboard.inputs';
import * as dashboard from './dashboard.service';
import { WidgetData } from './widget.types';
import { listCost } from '../../common/query-limits';

@ObjectType({ description: "Your dashboard: the tenant's widgets and your own." })
export class Dashboard implements dashboard.DashboardShape {
  @Field(() => Int, { description: 'Columns of the grid.' })
  columns!: number;

  @Field(() => [DashboardWidget], { complexity: listCost(50), description: 'Top to bottom, left to right.' })
  widgets!: DashboardWidget[];

  @Field(() => [WidgetType], { description: 'Widget types that can be added.' })
  availableTypes!: WidgetType[];
}

@Resolver(() => DashboardWidget)
export class DashboardResolver {
  @Query(() => Dashboard, { description: 'Widgets of the current user\'s dashboard: their own and the tenant\'s shared ones.' })
  dashboard(@Ctx() ctx: Context): Promise<dashboard.DashboardShape> {
    return dashboard.getDashboard(ctx);
  }

  @Mutation(() => DashboardWidget, { description: 'Adds a widget: your own, or (personal: false, dashboard:manage) the tenant\'s.' })
  addDashboardWidget(@Arg('input', { description: 'Type and title of the widget to add.' }) input: AddDashboardWidgetInput, @Ctx() ctx: Context): Promise<DashboardWidget> {
    return dashboard.addDashboardWidget(ctx, input);
  }

  @Mutation(() => DashboardWidget, { description: 'Changes the title or settings of a widget.' })
  updateDashboardWidget(@Arg('input', { description: 'The widget and the fields to change.' }) input: UpdateDashboardWidgetInput, @Ctx() ctx: Context): Promise<DashboardWidget> {
    return dashboard.updateDashboardWidget(ctx, input);
  }

  @Mutation(() => DashboardWidget, { description: 'Moves or resizes a widget.' })
  moveDashboardWidget(@Arg('input', { description: 'The widget and its new position.' }) input: MoveDashboardWidgetInput, @Ctx() ctx: Context): Promise<DashboardWidget> {
    return dashboard.moveDashboardWidget(ctx, input);
  }

  @Mutation(() => ID, { description: 'Removes a widget; answers its id.' })
  removeDashboardWidget(@Arg('id', () => ID, { description: 'Global id of the widget to remove.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return dashboard.removeDashboardWidget(ctx, id);
  }

  @FieldResolver(() => Boolean, { description: 'True for your own widget, false for a tenant-wide one.' })
  personal(@Root() widget: DashboardWidget): boolean {
    return Boolean(widget.user);
  }

  @FieldResolver(() => WidgetData, { nullable: true, description: 'Computed now with one query; null when its data needs a permission you lack.' })
  data(@Root() widget: DashboardWidget, @Ctx() ctx: Context): Promise<dashboard.WidgetDataShape | null> {
    return dashboard.widgetData(ctx, widget);
  }
}
