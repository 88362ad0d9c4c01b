import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { invoke } from './api.ts';
import { AppFrame, AREAS } from './pages/AppFrame.tsx';
import { AreaPage } from './pages/AreaPage.tsx';
import { CreatePage } from './pages/CreatePage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { UnlockPage } from './pages/UnlockPage.tsx';
import { AllocatePage } from './pages/allocations/AllocatePage.tsx';
import { BoardPage } from './pages/allocations/BoardPage.tsx';
import { GapsPage } from './pages/allocations/GapsPage.tsx';
import { ImportAllocationsPage } from './pages/allocations/ImportAllocationsPage.tsx';
import { LoadPage } from './pages/allocations/LoadPage.tsx';
import { ConsultationsPage } from './pages/consultations/ConsultationsPage.tsx';
import { DocumentsPage } from './pages/documents/DocumentsPage.tsx';
import { EscalationPage } from './pages/escalations/EscalationPage.tsx';
import { EscalationsPage } from './pages/escalations/EscalationsPage.tsx';
import { NewEscalationPage } from './pages/escalations/NewEscalationPage.tsx';
import { AttendancePage } from './pages/panels/AttendancePage.tsx';
import { MeetingPage } from './pages/panels/MeetingPage.tsx';
import { PanelPage } from './pages/panels/PanelPage.tsx';
import { PanelsPage } from './pages/panels/PanelsPage.tsx';
import { ImportRowsPage } from './pages/people/ImportRowsPage.tsx';
import { NewPersonPage } from './pages/people/NewPersonPage.tsx';
import { PlannerPage } from './pages/visits/PlannerPage.tsx';
import { VisitPage } from './pages/visits/VisitPage.tsx';
import { VisitRecordPage } from './pages/visits/VisitRecordPage.tsx';
import { PeoplePage } from './pages/people/PeoplePage.tsx';
import { PersonPage } from './pages/people/PersonPage.tsx';
import { GiasImportPage } from './pages/schools/GiasImportPage.tsx';
import { NewSchoolPage } from './pages/schools/NewSchoolPage.tsx';
import { SchoolPage } from './pages/schools/SchoolPage.tsx';
import { SchoolsPage } from './pages/schools/SchoolsPage.tsx';
import { ActionsPage } from './pages/actions/ActionsPage.tsx';

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
    <Routes>
      <Route path="/" element={session ? <Navigate to="/dashboard" replace /> : <StartPage info={info.data} />} />
      <Route path="/create" element={<CreatePage info={info.data} />} />
      <Route path="/unlock" element={<UnlockPage />} />
      <Route element={session ? <AppFrame session={session} /> : <Navigate to="/" replace />}>
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/actions" element={<ActionsPage />} />
        <Route path="/schools" element={<SchoolsPage />} />
        <Route path="/schools/import" element={<GiasImportPage />} />
        <Route path="/schools/new" element={<NewSchoolPage />} />
        <Route path="/schools/:urn" element={<SchoolPage />} />
        <Route path="/allocations" element={<BoardPage />} />
        <Route path="/allocations/load" element={<LoadPage />} />
        <Route path="/allocations/gaps" element={<GapsPage />} />
        <Route path="/allocations/import" element={<ImportAllocationsPage />} />
        <Route path="/allocations/:urn" element={<KeyedByParams render={() => <AllocatePage />} />} />
        <Route path="/visits" element={<PlannerPage />} />
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
  );
}
