/**
 * Browser entry point: mounts the React app into #root (index.html).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './app.css';

const container = document.getElementById('root');
if (!container) throw new Error('vethlab: index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
