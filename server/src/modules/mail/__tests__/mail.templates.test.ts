import { linksOf } from '../../../../test/support/smtp';
import { escapeHtml, renderMail } from '../mail.templates';
import { describeSendError, isPermanentFailure } from '../mail.transport';
import type { MailRequest } from '../mail.types';
import { mailBackoffMs } from '../mail.worker';

/** The four templates as pure functions: wording, links to PUBLIC_URL, escaping; and the worker's small rules. */

const BASE = 'https://portal.example.test';
const NOW = new Date('2026-12-03T10:00:00Z');
const HOUR = 3_600_000;

const invitation = (data: Partial<Extract<MailRequest, { template: 'invitation' }>['data']> = {}): MailRequest => ({
  template: 'invitation',
  to: 'new@example.test',
  tenantId: '0190f7d0-0000-7000-8000-000000000000',
  data: { tenantName: 'Acme', roleName: 'agent', inviterName: 'Grace Hopper', token: 'inv-tok', expiresAt: new Date(NOW.getTime() + 7 * 24 * HOUR), newTenant: false, ...data },
});

const ALL: { mail: MailRequest; link: string }[] = [
  { mail: invitation(), link: `${BASE}/invite/inv-tok` },
  { mail: { template: 'password-reset', to: 'a@example.test', data: { name: 'Ada', token: 'reset-tok', expiresAt: new Date(NOW.getTime() + HOUR) } }, link: `${BASE}/reset-password/reset-tok` },
  { mail: { template: 'password-changed', to: 'a@example.test', data: { name: 'Ada', at: NOW } }, link: `${BASE}/account` },
  { mail: { template: 'two-factor-changed', to: 'a@example.test', data: { name: 'Ada', enabled: true, at: NOW } }, link: `${BASE}/account` },
];

describe('mail templates', () => {
  it.each(ALL.map((c) => [c.mail.template, c] as const))('%s has a subject, a text and an HTML part, and links only to PUBLIC_URL', (_name, { mail, link }) => {
    const out = renderMail(`${BASE}/`, mail, NOW);
    expect(out.subject).toMatch(/Atrium/);
    expect(out.text).toContain(link);
    expect(out.html).toContain(`href="${link}"`);
    expect(out.html).toMatch(/^<!DOCTYPE html>/);
    expect(out.html).toContain('role="presentation"');
    const links = linksOf(out.text, out.html);
    expect(links).toContain(link);
    expect(links).toContain(`${BASE}/`);
    for (const l of links) expect(l.startsWith(`${BASE}/`)).toBe(true);
    expect(out.html).not.toMatch(/<script|<link|<img|\ssrc=/i);
  });

  it('words the invitation by who invited, to which tenant, as which role, and until when', () => {
    const out = renderMail(BASE, invitation(), NOW);
    expect(out.subject).toBe('Grace Hopper invited you to join Acme on Atrium');
    expect(out.text).toContain('Grace Hopper invited you to join Acme on Atrium as agent');
    expect(out.text).toContain('expires in 7 days, on 10 December 2026 at 10:00 UTC');

    const anonymous = renderMail(BASE, invitation({ inviterName: null }), NOW);
    expect(anonymous.subject).toBe('You are invited to join Acme on Atrium');

    const opened = renderMail(BASE, invitation({ newTenant: true, roleName: 'owner' }), NOW);
    expect(opened.subject).toBe('An Atrium workspace was opened for Acme');
    expect(opened.text).toContain('Grace Hopper invited you to it as owner.');
  });

  it('says how long a reset link is valid and what to do when the mail was not asked for', () => {
    const out = renderMail(BASE, ALL[1]?.mail ?? invitation(), NOW);
    expect(out.text).toContain('valid for 1 hour, until 3 December 2026 at 11:00 UTC');
    expect(out.text).toContain('If you did not ask for this, ignore this mail');
  });

  it('tells on and off apart for two-factor sign-in, and points a surprised owner to a password reset', () => {
    const off = renderMail(BASE, { template: 'two-factor-changed', to: 'a@example.test', data: { name: 'Ada', enabled: false, at: NOW } }, NOW);
    expect(off.subject).toBe('Two-factor sign-in was turned off for your Atrium account');
    const changed = renderMail(BASE, ALL[2]?.mail ?? invitation(), NOW);
    expect(linksOf(changed.text, changed.html)).toContain(`${BASE}/forgot-password`);
  });

  it('escapes every value in the HTML part and keeps control characters out of the subject', () => {
    const out = renderMail(
      BASE,
      invitation({ inviterName: '<img src=x onerror=alert(1)>', tenantName: 'Smith & "Sons" <Ltd>\r\nBcc: victim@example.test', roleName: "o'wner" }),
      NOW,
    );
    expect(out.html).not.toContain('<img');
    expect(out.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out.html).toContain('Smith &amp; &quot;Sons&quot; &lt;Ltd&gt; Bcc: victim@example.test');
    expect(out.html).toContain('o&#39;wner');
    expect(out.subject).not.toMatch(/[\r\n]/);
    expect(out.subject).toBe('<img src=x onerror=alert(1)> invited you to join Smith & "Sons" <Ltd> Bcc: victim@example.test on Atrium');
    expect(out.text).toContain('Smith & "Sons" <Ltd> Bcc: victim@example.test');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('puts tokens into links URL-encoded', () => {
    const out = renderMail(BASE, invitation({ token: 'a/b?c#d' }), NOW);
    expect(out.text).toContain(`${BASE}/invite/a%2Fb%3Fc%23d`);
  });
});

describe('mail worker rules', () => {
  it('backs off exponentially from the base, capped', () => {
    const config = { backoffBaseMs: 5000, backoffMaxMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => mailBackoffMs(config, a))).toEqual([5000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('treats only a 5xx answer to the recipient or the message as final', () => {
    expect(isPermanentFailure({ code: 'EENVELOPE', responseCode: 550, permanent: true, command: 'RCPT TO' })).toBe(true);
    expect(isPermanentFailure({ code: 'EMESSAGE', responseCode: 554, permanent: true, command: 'DATA' })).toBe(true);
    expect(isPermanentFailure({ code: 'EENVELOPE', responseCode: 451, permanent: false, command: 'RCPT TO' })).toBe(false);
    expect(isPermanentFailure({ code: 'EAUTH', responseCode: 535, permanent: true, command: 'AUTH PLAIN' })).toBe(false);
    expect(isPermanentFailure({ code: 'EENVELOPE', responseCode: 550, permanent: true, command: 'MAIL FROM' })).toBe(false);
    expect(isPermanentFailure(new Error('connect ECONNREFUSED'))).toBe(false);
  });

  it('describes a failure briefly, without credentials', () => {
    const err = Object.assign(new Error('Greeting never received from smtp://user:s3cret@mail.example.test:587\nmore'), { code: 'ETIMEDOUT' });
    expect(describeSendError(err)).toBe('ETIMEDOUT: Greeting never received from smtp://mail.example.test:587');
    expect(describeSendError(Object.assign(new Error('x'.repeat(1000)), { code: 'EPROTOCOL', responseCode: 421 })).length).toBeLessThanOrEqual(300);
  });
});
