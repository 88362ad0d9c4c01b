import './zod-setup.ts';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { AppError } from '../../shared/errors.ts';
import { captureTokenFromLocation } from './api.ts';
import { App, preloadFirstScreen } from './App.tsx';
import './styles.css';

captureTokenFromLocation();
preloadFirstScreen(window.location.hash);

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      // Locked elsewhere (idle lock in the main process, the menu): back to the start screen.
      if (error instanceof AppError && error.code === 'no_open_database') void queryClient.invalidateQueries({ queryKey: ['app.info'] });
    },
  }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true } },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        {/*
          Without transitions: a move to a screen whose chunk is still loading shows its Suspense
          fallback at the new address, rather than keeping the old screen, whose guards would
          then act on news meant for the new one (after Lock, the app's session is gone while the
          dashboard is still shown, and its guard sent the person to the start, not to Unlock).
        */}
        <HashRouter useTransitions={false}>
          <App />
        </HashRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
}
