import { TextDecoder, TextEncoder } from 'node:util';

// What react-admin needs to load in jest's jsdom. Imported first by the back office's jsdom tests
// (the data provider and the access map read the resource list, which loads every page).

// jsdom has no TextEncoder/TextDecoder; react-router (inside react-admin) needs them when loaded.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// react-admin's UI imports react-hotkeys-hook, which ships ES modules only: jest (CommonJS, on
// Node 20) cannot require it. These tests render no page, so no shortcut is ever bound.
jest.mock('react-hotkeys-hook', () => ({ useHotkeys: () => undefined, isHotkeyPressed: () => false }));
