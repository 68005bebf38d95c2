import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useChannel } from '../../api/hooks';
import { useProfile } from '../profiles/session';
import { ReportEditor } from './ReportEditor';
import { useDocumentChanges } from './useDocumentChanges';

/** Route wrapper: loads the document, its template version, its review and (for readers) the frozen revision. */
export function ReportEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profile = useProfile();
  const loaded = useChannel('reports:get', { id }, { staleTime: Infinity, gcTime: 0 });
  const review = useChannel('review:get', { id }, { enabled: !!loaded.data });
  const report = loaded.data?.report;
  const editable = !!report && report.authorId === profile.id && (report.status === 'draft' || report.status === 'returned');
  const frozenNumber = review.data?.state.lastSubmittedRevision ?? 0;
  const needsFrozen = !!report && !editable && frozenNumber > 0;
  const frozen = useChannel('review:revision', { id, revision: frozenNumber }, { enabled: needsFrozen });
  useDocumentChanges(id, editable);
  if (loaded.isLoading || review.isLoading || (needsFrozen && frozen.isLoading)) return <Spin style={{ margin: 48 }} />;
  if (!loaded.data || !report) {
    return <Result status="404" title={t('editor.notFound')} extra={<Button onClick={() => navigate('/reports')}>{t('common.back')}</Button>} />;
  }
  const shown = needsFrozen && frozen.data ? frozen.data.report : report;
  return (
    <ReportEditor
      key={`${report.id}:${report.status}:${report.revision}:${report.templateVersion}`}
      report={report}
      shown={shown}
      template={loaded.data.template}
      editable={editable}
      review={review.data ?? null}
    />
  );
}
