import { lazy, Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

// Each area is its own chunk, and so is the frame around them: the login page loads none of them.
const ConsoleLayout = lazy(() => import('./layout/ConsoleLayout'));
const WorkbenchPage = lazy(() => import('./pages/WorkbenchPage'));
const CaseListPage = lazy(() => import('./pages/CaseListPage'));
const CasePage = lazy(() => import('./pages/case/CasePage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));
const EnrollPage = lazy(() => import('./pages/EnrollPage'));

const loading = (page: ReactNode) => <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{page}</Suspense>;

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: loading(<ConsoleLayout />),
    children: [
      { index: true, element: <Navigate to="/workbench" replace /> },
      { path: 'workbench', element: loading(<WorkbenchPage />) },
      { path: 'cases', element: loading(<CaseListPage />) },
      { path: 'cases/:caseId', element: loading(<CasePage />) },
      { path: 'inbox', element: loading(<InboxPage />) },
      { path: 'account', element: loading(<AccountPage />) },
      { path: 'enroll', element: loading(<EnrollPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
