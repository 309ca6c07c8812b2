import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommandPalette } from '../layout/CommandPalette';
import type { Command } from '../layout/types';

function setup(extra: Command[] = []) {
  const ran: string[] = [];
  const command = (id: string, label: string, group: Command['group'], more: Partial<Command> = {}): Command => ({ id, label, group, perform: () => void ran.push(id), ...more });
  const commands: Command[] = [
    command('go:tickets', 'Tickets', 'Go to'),
    command('ticket:new', 'New ticket', 'Actions', { keywords: 'create raise open' }),
    command('go:activity', 'Activity', 'Go to', { keywords: 'audit log events' }),
    command('logout', 'Sign out', 'Actions', { keywords: 'log out logout', destructive: true }),
    ...extra,
  ];
  const onClose = jest.fn();
  render(<CommandPalette open onClose={onClose} commands={commands} />);
  return { ran, onClose, user: userEvent.setup(), input: screen.getByRole('combobox', { name: 'Command' }) };
}

const selected = () => screen.getAllByRole('option').filter((o) => o.getAttribute('aria-selected') === 'true').map((o) => o.textContent);

describe('the command palette', () => {
  it('typing "log" preselects the audit log, never "Sign out"; Enter goes there', async () => {
    const { ran, user, input } = setup();
    await user.type(input, 'log');
    expect(screen.getByRole('option', { name: 'Sign out' })).toHaveAttribute('aria-selected', 'false');
    expect(selected()).toEqual(['Activity']);
    await user.keyboard('{Enter}');
    expect(ran).toEqual(['go:activity']);
  });

  it('with only a destructive match, nothing is selected and Enter does nothing until the user moves to it', async () => {
    const { ran, onClose, user, input } = setup();
    await user.type(input, 'logout');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Sign out']);
    expect(selected()).toEqual([]);
    await user.keyboard('{Enter}');
    expect(ran).toEqual([]);
    expect(onClose).not.toHaveBeenCalled();
    // Chosen on purpose with the arrow key, it runs.
    await user.keyboard('{ArrowDown}');
    expect(selected()).toEqual(['Sign out']);
    await user.keyboard('{Enter}');
    expect(ran).toEqual(['logout']);
  });

  it('the arrows walk the options in the order they are shown (by group)', async () => {
    const { ran, user, input } = setup();
    await user.click(input);
    // Shown: Go to (Tickets, Activity), then Actions (New ticket, Sign out).
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Tickets', 'Activity', 'New ticket', 'Sign out']);
    expect(selected()).toEqual(['Tickets']);
    await user.keyboard('{ArrowDown}');
    expect(selected()).toEqual(['Activity']);
    await user.keyboard('{ArrowDown}');
    expect(selected()).toEqual(['New ticket']);
    await user.keyboard('{Enter}');
    expect(ran).toEqual(['ticket:new']);
  });
});
