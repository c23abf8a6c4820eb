import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui';
import { createAppStore } from './store';
import './ui/styles.css';

const store = createAppStore();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}
