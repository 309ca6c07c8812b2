import { barLabelsFit } from '../components/WidgetBody';

const RUN_STATUSES = ['Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled'];

describe('barLabelsFit: whether a bar chart names its bars side by side or slanted', () => {
  it('side by side in a half-width widget on a desktop', () => {
    expect(barLabelsFit(490, RUN_STATUSES)).toBe(true);
  });

  it('slanted on a 390 px phone, where MUI X Charts would drop every other name', () => {
    expect(barLabelsFit(310, RUN_STATUSES)).toBe(false);
  });

  it('decides by the widest name: two short names fit where one long one among them does not', () => {
    expect(barLabelsFit(200, ['Open', 'Pending'])).toBe(true);
    expect(barLabelsFit(200, ['Open', 'Waiting for your information'])).toBe(false);
  });

  it('fits when there is nothing to name', () => {
    expect(barLabelsFit(0, [])).toBe(true);
  });
});
