import '@mantine/core/styles.css';
import './global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './api/query.js';
import { initI18n } from './i18n/index.js';
import { createRouter } from './router.js';
import { readStyleNonce, theme } from './theme.js';

const start = async () => {
  await initI18n();
  const nonce = readStyleNonce();
  const queryClient = createQueryClient();
  const router = createRouter();
  const root = document.getElementById('root');
  if (root === null) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <MantineProvider
        theme={theme}
        defaultColorScheme="light"
        {...(nonce !== undefined ? { getStyleNonce: () => nonce } : {})}
      >
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
};

void start();
