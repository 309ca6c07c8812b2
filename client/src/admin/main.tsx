import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRuntime } from '../shared/runtime';
import { AdminApp } from './AdminApp';

const runtime = createRuntime('admin');
const container = document.getElementById('root');
if (!container) throw new Error('admin/index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <AdminApp runtime={runtime} />
  </StrictMode>,
);
