import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KycDocumentUpload, type UploadAuth } from '../components/KycDocumentUpload';
import { FakeXHR, installFakeUploads } from '../../../../test/fake-upload';

/**
 * The upload component over a stand-in XMLHttpRequest (the real upload code runs; only the
 * network is replaced): progress as the browser reports it, refusals of wrong types and
 * oversized files before any request, and the server's own refusal shown after upload.
 */


installFakeUploads();

const RULES = { path: '/api/kyc/cases/S3ljQ2FzZTox/documents', maxBytes: 1024 * 1024, contentTypes: ['application/pdf', 'image/png', 'image/jpeg'] };
const pdf = (name = 'passport.pdf', size = 2048) => new File([new Uint8Array(size).fill(0x25)], name, { type: 'application/pdf' });

function setup(auth: UploadAuth = { token: () => Promise.resolve('access-1'), renew: () => Promise.resolve('access-2') }) {
  const onUploaded = jest.fn();
  render(<KycDocumentUpload rules={RULES} auth={auth} defaultKind="PASSPORT" onUploaded={onUploaded} />);
  // applyAccept off: the browser's file dialog would let these through when "All files" is picked.
  const user = userEvent.setup({ applyAccept: false });
  const input = screen.getByLabelText('Upload documents');
  return { onUploaded, user, input };
}

const sentRequest = async (n = 1) => {
  await waitFor(() => expect(FakeXHR.sent).toHaveLength(n));
  const xhr = FakeXHR.sent[n - 1];
  if (!xhr) throw new Error('no request');
  return xhr;
};

it('uploads with the bearer token and kind, shows the progress, then the file as uploaded', async () => {
  const { onUploaded, user, input } = setup();
  await user.upload(input, pdf());

  const xhr = await sentRequest();
  expect(xhr.method).toBe('POST');
  expect(xhr.url).toBe(RULES.path);
  expect(xhr.headers.authorization).toBe('Bearer access-1');
  expect(xhr.body?.get('kind')).toBe('PASSPORT');
  expect((xhr.body?.get('file') as File).name).toBe('passport.pdf');

  const item = screen.getByRole('listitem', { name: 'Upload of passport.pdf' });
  xhr.progress(512, 2048);
  expect(within(item).getByRole('progressbar', { name: 'Uploading passport.pdf' })).toHaveAttribute('aria-valuenow', '25');
  expect(within(item).getByText('25%')).toBeInTheDocument();
  xhr.progress(1536, 2048);
  expect(within(item).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '75');

  xhr.respond(201, { id: 'S3ljRG9jdW1lbnQ6MQ==', kind: 'PASSPORT', filename: 'passport.pdf', contentType: 'application/pdf', size: 2048, status: 'PENDING', createdAt: '2026-12-01T09:00:00.000Z' });
  await within(item).findByText('Uploaded');
  expect(within(item).queryByRole('progressbar')).not.toBeInTheDocument();
  expect(onUploaded).toHaveBeenCalledWith(expect.objectContaining({ id: 'S3ljRG9jdW1lbnQ6MQ==', filename: 'passport.pdf' }));
});

it('sends the document type chosen before the drop', async () => {
  const { user, input } = setup();
  await user.click(screen.getByRole('combobox', { name: 'Document type' }));
  await user.click(screen.getByRole('option', { name: 'Proof of address' }));
  await user.upload(input, pdf('bill.pdf'));
  expect((await sentRequest()).body?.get('kind')).toBe('PROOF_OF_ADDRESS');
});

it('refuses a wrong type and an oversized file before sending anything, saying why', async () => {
  const { onUploaded, user, input } = setup();
  await user.upload(input, [new File(['just some notes'], 'notes.txt', { type: 'text/plain' }), pdf('huge-scan.pdf', 3 * 1024 * 1024)]);

  const txt = await screen.findByRole('listitem', { name: 'Upload of notes.txt' });
  expect(within(txt).getByRole('alert')).toHaveTextContent('“notes.txt” is not a PDF, PNG or JPEG file.');
  const big = screen.getByRole('listitem', { name: 'Upload of huge-scan.pdf' });
  expect(within(big).getByRole('alert')).toHaveTextContent('“huge-scan.pdf” is 3 MB; the limit is 1 MB.');
  // The limit and types are stated up front too.
  expect(screen.getByText(/PDF, PNG or JPEG, up to 1 MB each/)).toBeInTheDocument();

  await new Promise((r) => setTimeout(r, 20));
  expect(FakeXHR.sent).toHaveLength(0);
  expect(onUploaded).not.toHaveBeenCalled();
});

it("shows the server's refusal (content checked by its magic bytes) beside the file", async () => {
  const { onUploaded, user, input } = setup();
  await user.upload(input, pdf('renamed-text.pdf'));
  const xhr = await sentRequest();
  xhr.progress(2048, 2048);
  xhr.respond(415, {
    error: 'BAD_USER_INPUT',
    reason: 'UNSUPPORTED_FILE_TYPE',
    message: 'This file is not a PDF, PNG or JPEG (checked from its content, not its name or declared type).',
  });
  const item = screen.getByRole('listitem', { name: 'Upload of renamed-text.pdf' });
  expect(await within(item).findByRole('alert')).toHaveTextContent('This file is not a PDF, PNG or JPEG (checked from its content, not its name or declared type).');
  expect(within(item).queryByRole('progressbar')).not.toBeInTheDocument();
  expect(onUploaded).not.toHaveBeenCalled();
});

it('retries once with a fresh token when the server says the token expired', async () => {
  const renew = jest.fn(() => Promise.resolve('access-2'));
  const { onUploaded, user, input } = setup({ token: () => Promise.resolve('access-old'), renew });
  await user.upload(input, pdf());
  (await sentRequest(1)).respond(401, { error: 'UNAUTHENTICATED', message: 'Your session has expired.' });
  const retry = await sentRequest(2);
  expect(renew).toHaveBeenCalledWith('access-old');
  expect(retry.headers.authorization).toBe('Bearer access-2');
  retry.respond(201, { id: 'S3ljRG9jdW1lbnQ6Mg==', kind: 'PASSPORT', filename: 'passport.pdf', contentType: 'application/pdf', size: 2048, status: 'PENDING', createdAt: '2026-12-01T09:00:00.000Z' });
  await screen.findByText('Uploaded');
  expect(onUploaded).toHaveBeenCalledTimes(1);
});
