import type { Loaded } from '../../common/batch-loaders';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { expectGlobalId } from '../../common/global-id';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { Entitlement } from '../entitlements/entitlement.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { ToolPanel } from './tool-panel.entity';
import { Tool } from './tool.entity';
import { CreateToolInput, SetToolPanelInput, ToolPanelsArgs, ToolsArgs, UpdateToolInput } from './tool.inputs';
import * as tools from './tool.service';

const ToolConnection = Connection(Tool);
const ToolPanelConnection = Connection(ToolPanel);

@Resolver(() => Tool)
export class ToolResolver {
  @Query(() => ToolConnection, { description: 'The tools catalog (ordered by key unless asked otherwise).' })
  tools(@Args() args: ToolsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Tool>> {
    return tools.listTools(ctx, args);
  }

  @Query(() => Tool, { description: 'One tool by global id; NOT_FOUND when not visible.', nullable: true })
  tool(@Arg('id', () => ID, { description: 'Global id of the tool.' }) id: string, @Ctx() ctx: Context): Promise<Tool> {
    return tools.getTool(ctx, expectGlobalId(id, 'Tool'));
  }

  @Mutation(() => Tool, { description: 'Platform staff: add a tool to the catalog; its input schema is checked; audited.' })
  createTool(@Arg('input', { description: 'Key, name and settings of the new tool.' }) input: CreateToolInput, @Ctx() ctx: Context): Promise<Tool> {
    return tools.createTool(ctx, input);
  }

  @Mutation(() => Tool, { description: 'Platform staff: change a tool (not its key); audited.' })
  updateTool(@Arg('input', { description: 'The tool and the fields to change.' }) input: UpdateToolInput, @Ctx() ctx: Context): Promise<Tool> {
    return tools.updateTool(ctx, input);
  }

  @FieldResolver(() => Entitlement, { nullable: true, description: "Your tenant's active grant of this tool; null when not entitled." })
  entitlement(@Root() tool: Tool, @Ctx() ctx: Context): Loaded<Entitlement> {
    return ctx.loaders.entitlements.activeForTool.load(tool.id);
  }

  @FieldResolver(() => ToolPanel, { nullable: true, description: "Your tenant's panel for this tool, when it has one." })
  panel(@Root() tool: Tool, @Ctx() ctx: Context): Loaded<ToolPanel> {
    return ctx.loaders.tools.panelOfTool.load(tool.id);
  }
}

@Resolver(() => ToolPanel)
export class ToolPanelResolver {
  @Query(() => ToolPanelConnection, { description: "Your tenant's tool panels (staff: any tenant's)." })
  toolPanels(@Args() args: ToolPanelsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<ToolPanel>> {
    return tools.listToolPanels(ctx, args);
  }

  @Query(() => ToolPanel, { description: 'One tool panel by global id; NOT_FOUND when not visible.', nullable: true })
  toolPanel(@Arg('id', () => ID, { description: 'Global id of the tool panel.' }) id: string, @Ctx() ctx: Context): Promise<ToolPanel> {
    return tools.getToolPanel(ctx, expectGlobalId(id, 'ToolPanel'));
  }

  @Mutation(() => ToolPanel, { description: "Creates or replaces your tenant's panel for an entitled tool; audited." })
  setToolPanel(@Arg('input', { description: 'The panel to create or replace and its layout.' }) input: SetToolPanelInput, @Ctx() ctx: Context): Promise<ToolPanel> {
    return tools.setToolPanel(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a tool panel of the current tenant; answers true.' })
  deleteToolPanel(@Arg('id', () => ID, { description: 'Global id of the tool panel to delete.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return tools.deleteToolPanel(ctx, id);
  }

  @FieldResolver(() => Tool, { description: 'Tool the panel runs.' })
  tool(@Root() panel: ToolPanel, @Ctx() ctx: Context): Loaded<Tool> {
    return ctx.loaders.tools.readById.get(panel.tool.id);
  }

  @FieldResolver(() => Tenant, { description: 'Tenant the panel belongs to.' })
  tenant(@Root() panel: ToolPanel, @Ctx() ctx: Context): Loaded<Tenant> {
    return ctx.loaders.tenancy.tenantById.get(panel.tenant.id);
  }
}
