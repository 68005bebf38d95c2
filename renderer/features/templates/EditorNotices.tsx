import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { issueMessage } from './editor-issues';
import { issueArea, type DraftIssue, type DraftTemplate } from './template-draft';

/** Someone saved the template meanwhile: reload their version, or keep this draft on top of it. */
export function ConflictNotice({ message, onReload, onKeep }: { message: string; onReload: () => void; onKeep: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('templateEditor.conflictTitle')}
      description={
        <div data-testid="editor-conflict">
          <div>{message}</div>
          <div>{t('templateEditor.conflictText')}</div>
          <Space style={{ marginTop: 8 }} wrap>
            <Button size="small" onClick={onReload}>
              {t('templateEditor.reloadLatest')}
            </Button>
            <Button size="small" type="primary" onClick={onKeep}>
              {t('templateEditor.keepMine')}
            </Button>
          </Space>
        </div>
      }
    />
  );
}

/** The backend refused the save: its message. */
export function ServerErrorNotice({ error, onClose }: { error: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      title={t('templateEditor.saveFailed')}
      description={<span data-testid="editor-server-error">{error}</span>}
    />
  );
}

/** The errors that stopped a save (the first 8), each a link to where it is. */
export function IssueSummary({ issues, draft, onJump }: { issues: DraftIssue[]; draft: DraftTemplate; onJump: (issue: DraftIssue) => void }) {
  const { t } = useTranslation();
  if (!issues.length) return null;

  const locate = (issue: DraftIssue): string => {
    const { area, section } = issueArea(issue.path);
    if (section !== undefined) {
      return t('templateEditor.sectionN', { number: section + 1, title: draft.sections[section]?.title.trim() || t('templateEditor.untitledSection') });
    }
    return area === 'metadata' ? t('templateEditor.tabs.metadata', { count: draft.metadataFields.length }) : t('templateEditor.tabs.basics');
  };

  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('templateEditor.fixBeforeSave', { count: issues.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="editor-issue-summary">
          {issues.slice(0, 8).map((issue, index) => (
            <li key={index}>
              <Typography.Link onClick={() => onJump(issue)}>{locate(issue)}</Typography.Link>
              {t('templateEditor.colon')}
              {issueMessage(t, issue)}
            </li>
          ))}
          {issues.length > 8 && <li>{t('templateEditor.moreIssues', { count: issues.length - 8 })}</li>}
        </ul>
      }
    />
  );
}
