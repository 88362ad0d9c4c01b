import { Page } from '../components/Page.tsx';

export function AreaPage({ title, description }: { title: string; description: string }) {
  return (
    <Page title={title} lead={description}>
      <p>This area is not available yet in this version of LinkDesk.</p>
    </Page>
  );
}
