import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from './identity/ChangePasswordPage.js';
import { HomePage } from './identity/HomePage.js';
import { MfaPage } from './identity/MfaPage.js';
import { SignInPage } from './identity/SignInPage.js';
import { NotFoundPage } from './shell/NotFoundPage.js';
import { RequireSession } from './shell/RequireSession.js';
import { RouteError } from './shell/RouteError.js';

// The org pages load on demand so the first load stays small.
const OrgTreePage = lazy(() => import('./org/OrgTreePage.js').then((m) => ({ default: m.OrgTreePage })));
const UnitPage = lazy(() => import('./org/unit/UnitPage.js').then((m) => ({ default: m.UnitPage })));
const GapReportPage = lazy(() =>
  import('./org/GapReportPage.js').then((m) => ({ default: m.GapReportPage })),
);
const ContactChartPage = lazy(() =>
  import('./org/ContactChartPage.js').then((m) => ({ default: m.ContactChartPage })),
);
// Identity pages (第6 4, 第7 2): administration loads on demand.
const IdentitySettingsPage = lazy(() =>
  import('./identity/admin/SettingsPage.js').then((m) => ({ default: m.SettingsPage })),
);
const LockoutsPage = lazy(() =>
  import('./identity/admin/LockoutsPage.js').then((m) => ({ default: m.LockoutsPage })),
);
// ID administration (第6 4(1), 第7 2(1)イ・ウ, 第7 3(2)イ): accounts, the personnel import, the sweep, reports.
const AccountsPage = lazy(() =>
  import('./identity/admin/AccountsPage.js').then((m) => ({ default: m.AccountsPage })),
);
const AccountPage = lazy(() =>
  import('./identity/admin/AccountPage.js').then((m) => ({ default: m.AccountPage })),
);
const PersonnelImportPage = lazy(() =>
  import('./identity/admin/PersonnelImportPage.js').then((m) => ({ default: m.PersonnelImportPage })),
);
const SweepPage = lazy(() => import('./identity/admin/SweepPage.js').then((m) => ({ default: m.SweepPage })));
const PrivilegedHoldersPage = lazy(() =>
  import('./identity/admin/PrivilegedHoldersPage.js').then((m) => ({ default: m.PrivilegedHoldersPage })),
);
const SharedAccountsPage = lazy(() =>
  import('./identity/admin/SharedAccountsPage.js').then((m) => ({ default: m.SharedAccountsPage })),
);
const DirectorySettingsPage = lazy(() =>
  import('./identity/admin/DirectorySettingsPage.js').then((m) => ({ default: m.DirectorySettingsPage })),
);
const DirectorySyncPage = lazy(() =>
  import('./identity/admin/DirectorySyncPage.js').then((m) => ({ default: m.DirectorySyncPage })),
);
const MySessionsPage = lazy(() =>
  import('./identity/MySessionsPage.js').then((m) => ({ default: m.MySessionsPage })),
);
const SecurityPage = lazy(() =>
  import('./identity/SecurityPage.js').then((m) => ({ default: m.SecurityPage })),
);
const ImportExportPage = lazy(() =>
  import('./org/ImportExportPage.js').then((m) => ({ default: m.ImportExportPage })),
);

// Approvals (申請・承認).
const MyTasksPage = lazy(() =>
  import('./approvals/MyTasksPage.js').then((m) => ({ default: m.MyTasksPage })),
);
const MyRequestsPage = lazy(() =>
  import('./approvals/MyRequestsPage.js').then((m) => ({ default: m.MyRequestsPage })),
);
const RequestPage = lazy(() =>
  import('./approvals/RequestPage.js').then((m) => ({ default: m.RequestPage })),
);
const NewRequestPage = lazy(() =>
  import('./approvals/NewRequestPage.js').then((m) => ({ default: m.NewRequestPage })),
);
const NotificationsPage = lazy(() =>
  import('./approvals/NotificationsPage.js').then((m) => ({ default: m.NotificationsPage })),
);

// Facilities (第5): the device register.
const DeviceRegisterPage = lazy(() =>
  import('./facilities/DeviceRegisterPage.js').then((m) => ({ default: m.DeviceRegisterPage })),
);
const NewDevicePage = lazy(() =>
  import('./facilities/NewDevicePage.js').then((m) => ({ default: m.NewDevicePage })),
);
const DevicePage = lazy(() => import('./facilities/DevicePage.js').then((m) => ({ default: m.DevicePage })));
const DeviceImportPage = lazy(() =>
  import('./facilities/DeviceImportPage.js').then((m) => ({ default: m.DeviceImportPage })),
);
// Information assets (第4): the registers, handling log, disposals, storage checks and the import.
const AssetRegisterPage = lazy(() =>
  import('./assets/AssetRegisterPage.js').then((m) => ({ default: m.AssetRegisterPage })),
);
const NewAssetPage = lazy(() =>
  import('./assets/NewAssetPage.js').then((m) => ({ default: m.NewAssetPage })),
);
const AssetPage = lazy(() => import('./assets/AssetPage.js').then((m) => ({ default: m.AssetPage })));
const MediaPage = lazy(() => import('./assets/MediaPage.js').then((m) => ({ default: m.MediaPage })));
const PlacesPage = lazy(() => import('./assets/PlacesPage.js').then((m) => ({ default: m.PlacesPage })));
const StorageCheckPage = lazy(() =>
  import('./assets/StorageCheckPage.js').then((m) => ({ default: m.StorageCheckPage })),
);
const HandlingLogPage = lazy(() =>
  import('./assets/HandlingLogPage.js').then((m) => ({ default: m.HandlingLogPage })),
);
const DisposalsPage = lazy(() =>
  import('./assets/DisposalsPage.js').then((m) => ({ default: m.DisposalsPage })),
);
const AssetImportPage = lazy(() =>
  import('./assets/AssetImportPage.js').then((m) => ({ default: m.AssetImportPage })),
);

// Compliance (the standard with its status beside each clause) loads on demand.
const StandardPage = lazy(() =>
  import('./policy/StandardPage.js').then((m) => ({ default: m.StandardPage })),
);
const HeatMapPage = lazy(() => import('./policy/HeatMapPage.js').then((m) => ({ default: m.HeatMapPage })));
const TrendPage = lazy(() => import('./policy/TrendPage.js').then((m) => ({ default: m.TrendPage })));
const ChecklistPage = lazy(() =>
  import('./policy/ChecklistPage.js').then((m) => ({ default: m.ChecklistPage })),
);
const ParametersPage = lazy(() =>
  import('./policy/ParametersPage.js').then((m) => ({ default: m.ParametersPage })),
);
const ProceduresPage = lazy(() =>
  import('./policy/ProceduresPage.js').then((m) => ({ default: m.ProceduresPage })),
);

// The tamper-evident ledger (security office, auditors) loads on demand.
const LedgerPage = lazy(() => import('./ledger/LedgerPage.js').then((m) => ({ default: m.LedgerPage })));

export const createRouter = () =>
  createBrowserRouter([
    { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
    { path: '/mfa', element: <MfaPage />, errorElement: <RouteError /> },
    {
      path: '/',
      element: <RequireSession />,
      errorElement: <RouteError />,
      children: [
        {
          // Errors in a page render inside the app shell, so the navigation stays usable.
          errorElement: <RouteError />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'password', element: <ChangePasswordPage /> },
            { path: 'org', element: <OrgTreePage /> },
            { path: 'org/units/:id', element: <UnitPage /> },
            { path: 'org/gaps', element: <GapReportPage /> },
            { path: 'org/contact-chart', element: <ContactChartPage /> },
            { path: 'org/import', element: <ImportExportPage /> },
            { path: 'identity/settings', element: <IdentitySettingsPage /> },
            { path: 'identity/lockouts', element: <LockoutsPage /> },
            { path: 'identity/accounts', element: <AccountsPage /> },
            { path: 'identity/accounts/:id', element: <AccountPage /> },
            { path: 'identity/personnel', element: <PersonnelImportPage /> },
            { path: 'identity/sweep', element: <SweepPage /> },
            { path: 'identity/privileged', element: <PrivilegedHoldersPage /> },
            { path: 'identity/shared', element: <SharedAccountsPage /> },
            { path: 'identity/directory', element: <DirectorySettingsPage /> },
            { path: 'identity/directory/sync', element: <DirectorySyncPage /> },
            { path: 'identity/sessions', element: <MySessionsPage /> },
            { path: 'identity/security', element: <SecurityPage /> },
            { path: 'approvals/tasks', element: <MyTasksPage /> },
            { path: 'approvals/requests', element: <MyRequestsPage /> },
            { path: 'approvals/requests/:id', element: <RequestPage /> },
            { path: 'approvals/new', element: <NewRequestPage /> },
            { path: 'approvals/notifications', element: <NotificationsPage /> },
            { path: 'assets', element: <AssetRegisterPage /> },
            { path: 'assets/new', element: <NewAssetPage /> },
            { path: 'assets/media', element: <MediaPage /> },
            { path: 'assets/places', element: <PlacesPage /> },
            { path: 'assets/storage', element: <StorageCheckPage /> },
            { path: 'assets/handlings', element: <HandlingLogPage /> },
            { path: 'assets/disposals', element: <DisposalsPage /> },
            { path: 'assets/import', element: <AssetImportPage /> },
            { path: 'assets/:id', element: <AssetPage /> },
            { path: 'facilities', element: <DeviceRegisterPage /> },
            { path: 'facilities/new', element: <NewDevicePage /> },
            { path: 'facilities/import', element: <DeviceImportPage /> },
            { path: 'facilities/devices/:id', element: <DevicePage /> },
            { path: 'compliance', element: <StandardPage /> },
            { path: 'compliance/units', element: <HeatMapPage /> },
            { path: 'compliance/trend', element: <TrendPage /> },
            { path: 'compliance/checklist', element: <ChecklistPage /> },
            { path: 'compliance/parameters', element: <ParametersPage /> },
            { path: 'compliance/procedures', element: <ProceduresPage /> },
            { path: 'ledger', element: <LedgerPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
