// The base sheet first, then one per feature (claims and sources come with their views, after these).
import './styles.css';
import './features/library/import-results.css';
import './features/library/library.css';
import './features/reader/reader.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
