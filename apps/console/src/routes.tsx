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
const CampaignsPage = lazy(() => import('./pages/settings/CampaignsPage'));
const CampaignPage = lazy(() => import('./pages/settings/CampaignPage'));
const AccountsPage = lazy(() => import('./pages/settings/AccountsPage'));
const AccountRecordsPage = lazy(() => import('./pages/settings/AccountRecordsPage'));
const ApiTokensPage = lazy(() => import('./pages/settings/ApiTokensPage'));
const SchedulesPage = lazy(() => import('./pages/settings/SchedulesPage'));
const UnitsPage = lazy(() => import('./pages/settings/UnitsPage'));
const EnrollmentImportPage = lazy(() => import('./pages/enroll/EnrollmentImportPage'));
const VerifyPage = lazy(() => import('./pages/audit/VerifyPage'));
const AuditLogPage = lazy(() => import('./pages/audit/AuditLogPage'));
const AccountEventsPage = lazy(() => import('./pages/audit/AccountEventsPage'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const LedgerPage = lazy(() => import('./pages/ledger/LedgerPage'));
const RosterPage = lazy(() => import('./pages/roster/RosterPage'));
const BulkActionsPage = lazy(() => import('./pages/bulk-actions/BulkActionsPage'));
const BulkActionPage = lazy(() => import('./pages/bulk-actions/BulkActionPage'));

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
      { path: 'enroll/import', element: loading(<EnrollmentImportPage />) },
      { path: 'settings', element: <Navigate to="/settings/campaigns" replace /> },
      { path: 'settings/campaigns', element: loading(<CampaignsPage />) },
      { path: 'settings/campaigns/new', element: loading(<CampaignPage />) },
      { path: 'settings/campaigns/:campaignId', element: loading(<CampaignPage />) },
      { path: 'settings/accounts', element: loading(<AccountsPage />) },
      { path: 'settings/accounts/:accountId', element: loading(<AccountRecordsPage />) },
      { path: 'settings/api-tokens', element: loading(<ApiTokensPage />) },
      { path: 'settings/schedules', element: loading(<SchedulesPage />) },
      { path: 'settings/units', element: loading(<UnitsPage />) },
      { path: 'audit', element: <Navigate to="/audit/verify" replace /> },
      { path: 'audit/verify', element: loading(<VerifyPage />) },
      { path: 'audit/log', element: loading(<AuditLogPage />) },
      { path: 'audit/accounts', element: loading(<AccountEventsPage />) },
      { path: 'dashboard', element: loading(<DashboardPage />) },
      { path: 'ledger', element: loading(<LedgerPage />) },
      { path: 'campaigns/:campaignId/roster', element: loading(<RosterPage />) },
      { path: 'bulk-actions', element: loading(<BulkActionsPage />) },
      { path: 'bulk-actions/:bulkActionId', element: loading(<BulkActionPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
