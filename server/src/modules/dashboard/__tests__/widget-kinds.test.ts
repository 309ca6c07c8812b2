import { composeModules, defineModule } from '../../../common/module';
import { noConfig, widget, WidgetType } from '../../../common/widget';
import { modules } from '../../index';
import { availableWidgetTypes } from '../widget.registry';

/*
 * Widget kinds come from the modules that own their data; composing the modules checks that
 * every WidgetType has exactly one kind and that no kind sits under a type the enum lacks.
 */

const someKind = widget(noConfig, 'ticket:read', async () => []);

describe('widget kinds contributed by modules', () => {
  it('the module list gives every WidgetType exactly one kind, each from the module that owns its data', () => {
    const { widgets } = composeModules(modules).registry;
    expect([...widgets.keys()].sort()).toEqual(Object.values(WidgetType).sort());
    const ownerOf = (type: WidgetType) => modules.filter((m) => m.widgets?.[type]).map((m) => m.name);
    expect(Object.fromEntries(Object.values(WidgetType).map((type) => [type, ownerOf(type)]))).toEqual({
      OPEN_TICKETS_BY_STATUS: ['tickets'],
      RUNS_LAST_7_DAYS_BY_STATUS: ['runs'],
      ACTIVE_INCIDENTS: ['incidents'],
      KYC_AWAITING_ACTION: ['kyc'],
      QUOTA_USAGE: ['entitlements'],
    });
    // The dashboard declares none of them.
    expect(modules.find((m) => m.name === 'dashboard')?.widgets).toBeUndefined();
  });

  it('offers every type once', () => {
    expect([...availableWidgetTypes()].sort()).toEqual(Object.values(WidgetType).sort());
  });

  it('refuses a type declared by two modules, naming both', () => {
    const again = defineModule({ name: 'tickets-again', widgets: { [WidgetType.OPEN_TICKETS_BY_STATUS]: someKind } });
    expect(() => composeModules([...modules, again])).toThrow('Two modules declare the widget type OPEN_TICKETS_BY_STATUS: tickets and tickets-again');
  });

  it('refuses a WidgetType that no module declares', () => {
    const withoutKyc = modules.filter((m) => m.name !== 'kyc');
    expect(() => composeModules(withoutKyc)).toThrow('No module declares the widget type(s) KYC_AWAITING_ACTION');
    expect(() => composeModules([])).toThrow(`No module declares the widget type(s) ${Object.values(WidgetType).join(', ')}`);
  });

  it('refuses a kind under a type the WidgetType enum lacks', () => {
    const stray = defineModule({ name: 'stray', widgets: { NOT_A_WIDGET_TYPE: someKind } as never });
    expect(() => composeModules([...modules, stray])).toThrow('The module stray declares the widget type NOT_A_WIDGET_TYPE, which is not a WidgetType');
  });
});
