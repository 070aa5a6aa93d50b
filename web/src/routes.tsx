import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './components/AppLayout.tsx';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { NotFound, RequireAuth, RoleGate } from './components/Guards.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';

const RegionsPage = lazy(() => import('./pages/regions/RegionsPage.tsx'));
const OrganisationsPage = lazy(() => import('./pages/organisations/OrganisationsPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const MachineCredentialsPage = lazy(() => import('./pages/machine-credentials/MachineCredentialsPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const AccountPage = lazy(() => import('./pages/account/AccountPage.tsx'));
const AgenciesPage = lazy(() => import('./pages/agencies/AgenciesPage.tsx'));
const AgencyPage = lazy(() => import('./pages/agencies/AgencyPage.tsx'));
const PersonnelPage = lazy(() => import('./pages/personnel/PersonnelPage.tsx'));
const EquipmentPage = lazy(() => import('./pages/equipment/EquipmentPage.tsx'));
const VerificationPage = lazy(() => import('./pages/verification/VerificationPage.tsx'));
const CataloguePage = lazy(() => import('./pages/catalogue/CataloguePage.tsx'));
const ProjectsPage = lazy(() => import('./pages/projects/ProjectsPage.tsx'));
const ProjectDetailPage = lazy(() => import('./pages/projects/ProjectDetailPage.tsx'));
const ComponentsPage = lazy(() => import('./pages/components/ComponentsPage.tsx'));
const ComponentResolvePage = lazy(() => import('./pages/components/ComponentResolvePage.tsx'));
const CommissionsPage = lazy(() => import('./pages/commissions/CommissionsPage.tsx'));
const WitnessesPage = lazy(() => import('./pages/witnesses/WitnessesPage.tsx'));
const ViolationsPage = lazy(() => import('./pages/violations/ViolationsPage.tsx'));
const CalendarPage = lazy(() => import('./pages/calendar/CalendarPage.tsx'));
const BatchesPage = lazy(() => import('./pages/batches/BatchesPage.tsx'));
const BatchDetailPage = lazy(() => import('./pages/batches/BatchDetailPage.tsx'));
const ReviewQueuePage = lazy(() => import('./pages/batches/ReviewQueuePage.tsx'));
const AnomaliesPage = lazy(() => import('./pages/batches/AnomaliesPage.tsx'));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage.tsx'));
const ReportVerifyPage = lazy(() => import('./pages/reports/ReportVerifyPage.tsx'));
const ForceMajeurePage = lazy(() => import('./pages/deadlines/ForceMajeurePage.tsx'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage.tsx'));
const CasesPage = lazy(() => import('./pages/enforcement/CasesPage.tsx'));
const KeySupervisionPage = lazy(() => import('./pages/enforcement/KeySupervisionPage.tsx'));
const CreditPage = lazy(() => import('./pages/enforcement/CreditPage.tsx'));
const FraudReportsPage = lazy(() => import('./pages/enforcement/FraudReportsPage.tsx'));
const DailyCheckPage = lazy(() => import('./pages/daily-check/DailyCheckPage.tsx'));
const RandomDrawsPage = lazy(() => import('./pages/random-draws/RandomDrawsPage.tsx'));
const SpecialCampaignsPage = lazy(() => import('./pages/special-campaigns/SpecialCampaignsPage.tsx'));
const CapturePage = lazy(() => import('./pages/capture/CapturePage.tsx'));
const CaptureKeysPage = lazy(() => import('./pages/capture/CaptureKeysPage.tsx'));
const ServiceRequestsPage = lazy(() => import('./pages/service-requests/ServiceRequestsPage.tsx'));

/**
 * Pages behind the login; each is gated by the roles nav.tsx gives its menu entry (`gate`, for a page below an
 * entry such as a detail page; none for pages everyone signed in may open, such as a scanned label's).
 */
const PAGES: { path: string; element: React.ReactNode; gate?: string | null }[] = [
  { path: '/regions', element: <RegionsPage /> },
  { path: '/organisations', element: <OrganisationsPage /> },
  { path: '/users', element: <UsersPage /> },
  { path: '/machine-credentials', element: <MachineCredentialsPage /> },
  { path: '/audit', element: <AuditPage /> },
  { path: '/account', element: <AccountPage /> },
  { path: '/agencies', element: <AgenciesPage /> },
  { path: '/agencies/:id', element: <AgencyPage />, gate: '/agencies' },
  { path: '/personnel', element: <PersonnelPage /> },
  { path: '/equipment', element: <EquipmentPage /> },
  { path: '/verification', element: <VerificationPage /> },
  { path: '/catalogue', element: <CataloguePage /> },
  { path: '/projects', element: <ProjectsPage /> },
  { path: '/projects/:id', element: <ProjectDetailPage />, gate: '/projects' },
  { path: '/components', element: <ComponentsPage /> },
  { path: '/c/:componentId', element: <ComponentResolvePage />, gate: null },
  { path: '/commissions', element: <CommissionsPage /> },
  { path: '/witnesses', element: <WitnessesPage /> },
  { path: '/violations', element: <ViolationsPage /> },
  { path: '/calendar', element: <CalendarPage /> },
  { path: '/batches', element: <BatchesPage /> },
  { path: '/batches/:id', element: <BatchDetailPage />, gate: '/batches' },
  { path: '/review-queue', element: <ReviewQueuePage /> },
  { path: '/anomalies', element: <AnomaliesPage /> },
  { path: '/reports', element: <ReportsPage /> },
  { path: '/force-majeure', element: <ForceMajeurePage /> },
  { path: '/notifications', element: <NotificationsPage /> },
  { path: '/enforcement/cases', element: <CasesPage /> },
  { path: '/enforcement/key-supervision', element: <KeySupervisionPage /> },
  { path: '/credit', element: <CreditPage /> },
  { path: '/fraud-reports', element: <FraudReportsPage /> },
  { path: '/daily-check', element: <DailyCheckPage /> },
  { path: '/random-draws', element: <RandomDrawsPage /> },
  { path: '/special-campaigns', element: <SpecialCampaignsPage /> },
  { path: '/service-requests', element: <ServiceRequestsPage /> },
  { path: '/capture-keys', element: <CaptureKeysPage /> },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* A report's QR code leads here: open to anyone, without login or the console's frame. */}
      <Route path="/r/:number" element={<Suspense fallback={<FullPageSpin />}><ReportVerifyPage /></Suspense>} />
      {/* 现场采集 is a phone page: signed in, without the desktop console's frame. */}
      <Route
        path="/capture"
        element={
          <RequireAuth>
            <RoleGate path="/capture">
              <Suspense fallback={<FullPageSpin />}>
                <CapturePage />
              </Suspense>
            </RoleGate>
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        {PAGES.map((p) => (
          <Route
            key={p.path}
            path={p.path}
            element={p.gate === null ? p.element : <RoleGate path={p.gate ?? p.path}>{p.element}</RoleGate>}
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
