import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFound, RequireAuth, RoleGate } from './components/Guards.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';

const RegionsPage = lazy(() => import('./pages/regions/RegionsPage.tsx'));
const OrganisationsPage = lazy(() => import('./pages/organisations/OrganisationsPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const MachineCredentialsPage = lazy(() => import('./pages/machine-credentials/MachineCredentialsPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const AccountPage = lazy(() => import('./pages/account/AccountPage.tsx'));

/** Pages behind the login; each is gated by the roles nav.tsx gives it. */
const PAGES: { path: string; element: React.ReactNode }[] = [
  { path: '/regions', element: <RegionsPage /> },
  { path: '/organisations', element: <OrganisationsPage /> },
  { path: '/users', element: <UsersPage /> },
  { path: '/machine-credentials', element: <MachineCredentialsPage /> },
  { path: '/audit', element: <AuditPage /> },
  { path: '/account', element: <AccountPage /> },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        {PAGES.map((p) => (
          <Route key={p.path} path={p.path} element={<RoleGate path={p.path}>{p.element}</RoleGate>} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
