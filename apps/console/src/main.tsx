/// <reference types="vite/client" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
// antd 6 leaves the page's own margins alone: without its reset the body keeps the browser's 8px around the console.
import 'antd/dist/reset.css';
import { router } from './routes';
import { ApiError } from './api/client';

// Both, or the date pickers stay in English.
dayjs.locale('zh-cn');

const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    // People who ask their system for less motion get none (WCAG 2.3.3); without it a button's fading loading icon
    // can linger, unseen, in its accessible name.
    motion: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    borderRadius: 4,
    // WCAG 2.1 AA asks 4.5:1 for text. antd's defaults fall short on white: secondary text (descriptions, times,
    // hints) at 45% black is 3.4:1, a select's placeholder at 25% 1.8:1, links in #1677ff 4.1:1. Here 5.7:1 and 6.2:1.
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorLink: '#0958d9',
    colorLinkHover: '#1677ff',
    colorLinkActive: '#003eb3',
    // Error messages on fields and alerts: antd's #ff4d4f is 3.3:1 on white; this is 5.9:1 (WCAG AA).
    colorError: '#c62828',
    colorErrorText: '#c62828',
  },
};

const queries = new QueryClient({
  defaultOptions: {
    // A refusal (403/404/409…) is an answer, not a fault to retry.
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2, refetchOnWindowFocus: false },
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={THEME}>
        <AntApp>
          <QueryClientProvider client={queries}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
