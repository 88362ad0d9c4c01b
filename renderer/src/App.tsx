import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { invoke } from './api.ts';
import { AppFrame, AREAS } from './pages/AppFrame.tsx';
import { PageLoading } from './components/PageLoading.tsx';

/*
 * Every screen is its own chunk, fetched when first shown, so the first screen (start or
 * unlock) does not wait for the code of the thirty others. AppFrame, the frame of the screens
 * of an open database, stays in the first chunk: it is small, and it holds their Suspense.
 */
const AreaPage = lazy(() => import('./pages/AreaPage.tsx').then((m) => ({ default: m.AreaPage })));
const loadCreatePage = () => import('./pages/CreatePage.tsx');
const CreatePage = lazy(() => loadCreatePage().then((m) => ({ default: m.CreatePage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const AccessibilityStatementPage = lazy(() => import('./pages/settings/AccessibilityStatementPage.tsx').then((m) => ({ default: m.AccessibilityStatementPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })));
const SubjectAccessPage = lazy(() => import('./pages/settings/SubjectAccessPage.tsx').then((m) => ({ default: m.SubjectAccessPage })));
const loadStartPage = () => import('./pages/StartPage.tsx');
const StartPage = lazy(() => loadStartPage().then((m) => ({ default: m.StartPage })));
const loadUnlockPage = () => import('./pages/UnlockPage.tsx');
const UnlockPage = lazy(() => loadUnlockPage().then((m) => ({ default: m.UnlockPage })));
const AllocatePage = lazy(() => import('./pages/allocations/AllocatePage.tsx').then((m) => ({ default: m.AllocatePage })));
const BoardPage = lazy(() => import('./pages/allocations/BoardPage.tsx').then((m) => ({ default: m.BoardPage })));
const GapsPage = lazy(() => import('./pages/allocations/GapsPage.tsx').then((m) => ({ default: m.GapsPage })));
const ImportAllocationsPage = lazy(() => import('./pages/allocations/ImportAllocationsPage.tsx').then((m) => ({ default: m.ImportAllocationsPage })));
const MapPage = lazy(() => import('./pages/allocations/MapPage.tsx').then((m) => ({ default: m.MapPage })));
const AllocationPlannerPage = lazy(() => import('./pages/allocations/planner/PlannerPage.tsx').then((m) => ({ default: m.PlannerPage })));
const LoadPage = lazy(() => import('./pages/allocations/LoadPage.tsx').then((m) => ({ default: m.LoadPage })));
const ConsultationsPage = lazy(() => import('./pages/consultations/ConsultationsPage.tsx').then((m) => ({ default: m.ConsultationsPage })));
const DocumentsPage = lazy(() => import('./pages/documents/DocumentsPage.tsx').then((m) => ({ default: m.DocumentsPage })));
const EscalationPage = lazy(() => import('./pages/escalations/EscalationPage.tsx').then((m) => ({ default: m.EscalationPage })));
const EscalationsPage = lazy(() => import('./pages/escalations/EscalationsPage.tsx').then((m) => ({ default: m.EscalationsPage })));
const NewEscalationPage = lazy(() => import('./pages/escalations/NewEscalationPage.tsx').then((m) => ({ default: m.NewEscalationPage })));
const AttendancePage = lazy(() => import('./pages/panels/AttendancePage.tsx').then((m) => ({ default: m.AttendancePage })));
const MeetingPage = lazy(() => import('./pages/panels/MeetingPage.tsx').then((m) => ({ default: m.MeetingPage })));
const PanelPage = lazy(() => import('./pages/panels/PanelPage.tsx').then((m) => ({ default: m.PanelPage })));
const PanelsPage = lazy(() => import('./pages/panels/PanelsPage.tsx').then((m) => ({ default: m.PanelsPage })));
const ImportRowsPage = lazy(() => import('./pages/people/ImportRowsPage.tsx').then((m) => ({ default: m.ImportRowsPage })));
const NewPersonPage = lazy(() => import('./pages/people/NewPersonPage.tsx').then((m) => ({ default: m.NewPersonPage })));
const PlannerPage = lazy(() => import('./pages/visits/PlannerPage.tsx').then((m) => ({ default: m.PlannerPage })));
const PlannerGridPage = lazy(() => import('./pages/visits/PlannerGridPage.tsx').then((m) => ({ default: m.PlannerGridPage })));
const VisitPage = lazy(() => import('./pages/visits/VisitPage.tsx').then((m) => ({ default: m.VisitPage })));
const VisitRecordPage = lazy(() => import('./pages/visits/VisitRecordPage.tsx').then((m) => ({ default: m.VisitRecordPage })));
const PeoplePage = lazy(() => import('./pages/people/PeoplePage.tsx').then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import('./pages/people/PersonPage.tsx').then((m) => ({ default: m.PersonPage })));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
const GiasImportPage = lazy(() => import('./pages/schools/GiasImportPage.tsx').then((m) => ({ default: m.GiasImportPage })));
const HubImportPage = lazy(() => import('./pages/schools/HubImportPage.tsx').then((m) => ({ default: m.HubImportPage })));
const NewSchoolPage = lazy(() => import('./pages/schools/NewSchoolPage.tsx').then((m) => ({ default: m.NewSchoolPage })));
const SchoolPage = lazy(() => import('./pages/schools/SchoolPage.tsx').then((m) => ({ default: m.SchoolPage })));
const SchoolsPage = lazy(() => import('./pages/schools/SchoolsPage.tsx').then((m) => ({ default: m.SchoolsPage })));

/**
 * Fetches the screen the address names while `app.info` is asked for: otherwise the screen's
 * chunk is only requested once LinkDesk has answered, one wait after the other. A failure here
 * is left to the screen's own load, which reports it.
 */
export function preloadFirstScreen(hash: string): void {
  const route = hash.replace(/^#/, '').split('?')[0] || '/';
  const load = route === '/unlock' ? loadUnlockPage : route === '/create' ? loadCreatePage : route === '/' ? loadStartPage : null;
  load?.().catch(() => undefined);
}
const ActionsPage = lazy(() => import('./pages/actions/ActionsPage.tsx').then((m) => ({ default: m.ActionsPage })));

/** Remounts a page when its URL parameters change, so no form state carries over to another record. */
function KeyedByParams({ render }: { render: () => ReactNode }) {
  const params = useParams();
  return <div key={JSON.stringify(params)}>{render()}</div>;
}

export function App() {
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => invoke('app.info', {}) });
  if (info.isPending) return <p className="loading">Loading LinkDesk…</p>;
  if (info.isError) {
    return (
      <main className="start" id="main">
        <h1>LinkDesk is not answering</h1>
        <p>{info.error.message}</p>
      </main>
    );
  }
  const session = info.data.session;
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/" element={session ? <Navigate to="/dashboard" replace /> : <StartPage info={info.data} />} />
        <Route path="/create" element={<CreatePage info={info.data} />} />
        <Route path="/unlock" element={<UnlockPage />} />
        <Route element={session ? <AppFrame session={session} /> : <Navigate to="/" replace />}>
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/settings/subject-access" element={<SubjectAccessPage />} />
          <Route path="/settings/accessibility" element={<AccessibilityStatementPage />} />
          <Route path="/actions" element={<ActionsPage />} />
          <Route path="/schools" element={<SchoolsPage />} />
          <Route path="/schools/import" element={<GiasImportPage />} />
          <Route path="/schools/import-hubs" element={<HubImportPage />} />
          <Route path="/schools/new" element={<NewSchoolPage />} />
          <Route path="/schools/:urn" element={<SchoolPage />} />
          <Route path="/allocations" element={<BoardPage />} />
          <Route path="/allocations/load" element={<LoadPage />} />
          <Route path="/allocations/gaps" element={<GapsPage />} />
          <Route path="/allocations/import" element={<ImportAllocationsPage />} />
          <Route path="/allocations/map" element={<MapPage />} />
          <Route path="/allocations/planner" element={<AllocationPlannerPage />} />
          <Route path="/allocations/:urn" element={<KeyedByParams render={() => <AllocatePage />} />} />
          <Route path="/visits" element={<PlannerPage />} />
          <Route path="/visits/grid/:year?" element={<KeyedByParams render={() => <PlannerGridPage />} />} />
          <Route path="/visits/:urn/:year/:term" element={<KeyedByParams render={() => <VisitPage />} />} />
          <Route path="/visits/:urn/:year/:term/record" element={<KeyedByParams render={() => <VisitRecordPage />} />} />
          <Route path="/consultations" element={<ConsultationsPage />} />
          <Route path="/panels" element={<PanelsPage />} />
          <Route path="/panels/attendance" element={<AttendancePage />} />
          <Route path="/panels/:id" element={<KeyedByParams render={() => <PanelPage />} />} />
          <Route path="/panels/:id/meetings/:meetingId" element={<KeyedByParams render={() => <MeetingPage />} />} />
          <Route path="/escalations" element={<EscalationsPage />} />
          <Route path="/escalations/new" element={<NewEscalationPage />} />
          <Route path="/escalations/:id" element={<KeyedByParams render={() => <EscalationPage />} />} />
          <Route path="/documents" element={<DocumentsPage />} />
          <Route path="/reports" element={<ReportsPage />} />
          <Route path="/people" element={<PeoplePage />} />
          <Route path="/people/new" element={<NewPersonPage />} />
          <Route path="/people/import" element={<ImportRowsPage key="people" kind="people" />} />
          <Route path="/people/import-connections" element={<ImportRowsPage key="connections" kind="connections" />} />
          <Route path="/people/:id" element={<PersonPage />} />
          {AREAS.filter((a) => !a.built).map((area) => (
            <Route key={area.path} path={area.path} element={<AreaPage title={area.label} description={area.description} />} />
          ))}
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
