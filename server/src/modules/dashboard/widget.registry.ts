import { type WidgetKind, WidgetType } from '../../common/widget';
import type { ModuleRegistry } from '../../context/context';

/*
 * The widget kinds are contributed by the modules that own the data (`widgets` in their
 * index.ts) and composed into `ctx.app.registry.widgets`; the dashboard names no module.
 */

/**
 * The order the dashboard offers widget types in (`availableTypes`), a choice of presentation;
 * a type not listed here is offered after these, in WidgetType order.
 */
const OFFERED_FIRST: readonly WidgetType[] = [
  WidgetType.OPEN_TICKETS_BY_STATUS,
  WidgetType.ACTIVE_INCIDENTS,
  WidgetType.RUNS_LAST_7_DAYS_BY_STATUS,
  WidgetType.KYC_AWAITING_ACTION,
  WidgetType.QUOTA_USAGE,
];

/**
 * Every widget type, in the order the dashboard offers them. Each has a kind: composing the
 * modules fails at startup when one has none.
 */
export function availableWidgetTypes(): WidgetType[] {
  const all = Object.values(WidgetType);
  return [...OFFERED_FIRST.filter((type) => all.includes(type)), ...all.filter((type) => !OFFERED_FIRST.includes(type))];
}

/** The kind of a widget type, as its module declared it. */
export function widgetKind(registry: ModuleRegistry, type: WidgetType): WidgetKind {
  const kind = registry.widgets.get(type);
  // Not reachable once the modules are composed (every type has a kind); a bug if it is.
  if (!kind) throw new Error(`No module declares the widget type ${type}`);
  return kind;
}
