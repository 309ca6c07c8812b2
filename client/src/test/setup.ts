import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Screens render after real Apollo round trips (to an in-memory API); on a busy machine that
// takes longer than Testing Library's default second.
configure({ asyncUtilTimeout: 10_000 });
