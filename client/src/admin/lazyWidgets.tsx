import Skeleton from '@mui/material/Skeleton';
import { type ComponentProps, lazy, Suspense } from 'react';
import type { SchemaEditorInput as Editor, SchemaFormPreview as Preview } from './tools/SchemaEditor';

/*
 * The back office's heavy widgets load with the page that shows them, not with the sign-in
 * page: the events histogram (MUI X Charts) and the JSON Schema editor and form preview (@rjsf).
 * Each waits behind a placeholder of its size.
 */

const LazyEventHistogram = lazy(() => import('./systemEvents/EventHistogram').then((m) => ({ default: m.EventHistogram })));
const LazySchemaEditorInput = lazy(() => import('./tools/SchemaEditor').then((m) => ({ default: m.SchemaEditorInput })));
const LazySchemaFormPreview = lazy(() => import('./tools/SchemaEditor').then((m) => ({ default: m.SchemaFormPreview })));

const placeholder = (height: number, label: string) => <Skeleton variant="rounded" height={height} aria-label={label} />;

export function EventHistogram() {
  return (
    <Suspense fallback={placeholder(180, 'Loading the histogram')}>
      <LazyEventHistogram />
    </Suspense>
  );
}

export function SchemaEditorInput(props: ComponentProps<typeof Editor>) {
  return (
    <Suspense fallback={placeholder(320, 'Loading the schema editor')}>
      <LazySchemaEditorInput {...props} />
    </Suspense>
  );
}

export function SchemaFormPreview(props: ComponentProps<typeof Preview>) {
  return (
    <Suspense fallback={placeholder(200, 'Loading the form preview')}>
      <LazySchemaFormPreview {...props} />
    </Suspense>
  );
}
