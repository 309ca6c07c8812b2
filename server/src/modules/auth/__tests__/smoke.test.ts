import { startTestApp, type TestApp } from '../../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

it('logs in and answers me', async () => {
  const { accessToken } = await t.login('agent@acme.test');
  const res = await t.gql('{ me { role tenant { slug } } }', {}, { token: accessToken });
  expect(res.data?.me).toEqual({ role: 'agent', tenant: { slug: 'acme' } });
});
