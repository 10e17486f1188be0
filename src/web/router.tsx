import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from './identity/ChangePasswordPage.js';
import { HomePage } from './identity/HomePage.js';
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
const ImportExportPage = lazy(() =>
  import('./org/ImportExportPage.js').then((m) => ({ default: m.ImportExportPage })),
);

export const createRouter = () =>
  createBrowserRouter([
    { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
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
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
