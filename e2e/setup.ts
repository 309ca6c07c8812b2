// Browser tests drive a real server and Chromium; their steps take seconds, not milliseconds.
jest.setTimeout(90_000);
