import { CheckCircleTwoTone, WarningOutlined } from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompletenessIssue } from '../../../electron/api/domain';

/** What still blocks submission; each item jumps to its place. */
export function CompletenessPanel({ issues, onJump }: { issues: CompletenessIssue[]; onJump: (issue: CompletenessIssue) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('editor.completeness')} data-testid="completeness-panel">
      {issues.length === 0 ? (
        <Typography.Text type="success">
          <CheckCircleTwoTone twoToneColor="#52c41a" /> {t('editor.complete')}
        </Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={issues}
          renderItem={(issue, index) => (
            <List.Item key={`${issue.target}-${issue.field ?? ''}-${index}`} style={{ cursor: 'pointer', paddingInline: 0 }} onClick={() => onJump(issue)}>
              <Typography.Link>
                <WarningOutlined style={{ color: '#d48806' }} /> {t(`core.${issue.key}`, issue.params)}
              </Typography.Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
