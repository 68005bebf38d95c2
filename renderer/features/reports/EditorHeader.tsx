import { ArrowLeftOutlined, MenuFoldOutlined, MenuUnfoldOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Report } from '../../../electron/core/common/schemas/report';
import type { Template } from '../../../electron/core/common/schemas/template';
import { ExportMenu } from '../export/ExportMenu';
import { statusColors } from './labels';
import { SaveIndicator } from './SaveIndicator';
import type { useAutosave } from './useAutosave';
import { WithdrawButton } from './WithdrawButton';

/** The document's sticky header: back, title, status and version; save state, 撤回, 导出, 保存, 提交 and the pane's fold. */
export function EditorHeader({
  report,
  shown,
  template,
  title,
  editable,
  autosave,
  review,
  issueCount,
  submitting,
  onSubmit,
  side,
}: {
  report: Report;
  shown: Report;
  template: Template;
  title: string;
  editable: boolean;
  autosave: ReturnType<typeof useAutosave>;
  review: React.ComponentProps<typeof WithdrawButton>['review'];
  issueCount: number;
  submitting: boolean;
  onSubmit: () => void;
  /** The right pane's fold, when there is a pane. */
  side: { collapsed: boolean; toggle: () => void } | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="rd-page-header rd-editor-header" data-testid="document-header">
      <div className="rd-editor-heading">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="document-title" ellipsis={{ tooltip: title }}>
          {title}
        </Typography.Title>
        <Tag color={statusColors[report.status]} data-testid="document-status">
          {t(`statuses.${report.status}`)}
        </Tag>
        {shown.revision > 1 || report.revision > 1 ? <Tag>{t('review.revisionTag', { revision: shown.revision })}</Tag> : null}
        <Tag className="rd-editor-template-tag" title={`${template.name} · ${t('common.version', { version: template.version })}`}>
          {template.name} · {t('common.version', { version: template.version })}
        </Tag>
        {report.review?.grade && <Tag color="purple">{report.review.grade}</Tag>}
      </div>
      <div className="rd-editor-actions">
        {editable && <SaveIndicator state={autosave.state} error={autosave.error} savedAt={autosave.savedAt} />}
        <WithdrawButton report={report} review={review} />
        <ExportMenu report={report} beforeExport={editable ? () => autosave.flush() : undefined} />
        {editable && (
          <Button icon={<SaveOutlined />} onClick={() => void autosave.flush()} title="Ctrl+S">
            {t('common.save')}
          </Button>
        )}
        {editable && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={submitting}
            disabled={issueCount > 0}
            title={issueCount > 0 ? t('review.submitBlocked', { count: issueCount }) : undefined}
            onClick={onSubmit}
          >
            {report.status === 'returned' ? t('review.resubmit') : t('review.submit')}
          </Button>
        )}
        {side && (
          <Button
            icon={side.collapsed ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
            onClick={side.toggle}
            aria-expanded={!side.collapsed}
            aria-controls="editor-side-pane"
            title={`${side.collapsed ? t('workspace.showPane') : t('workspace.hidePane')} (Ctrl+.)`}
            aria-label={side.collapsed ? t('workspace.showPane') : t('workspace.hidePane')}
            data-testid="side-pane-toggle"
          />
        )}
      </div>
    </div>
  );
}
