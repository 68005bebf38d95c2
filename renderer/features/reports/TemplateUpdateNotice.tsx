import { Alert, App as AntApp, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../electron/api/contract';
import { request } from '../../api/client';
import { useChannel, useChannelMutation } from '../../api/hooks';

type Update = NonNullable<ChannelOutput<'reports:template-update'>>;

/** What changed between the two versions, one line each, in the notice's words. */
function changeLines(update: Update, t: (key: string, values?: Record<string, unknown>) => string): string[] {
  const { changes } = update;
  const list = (items: string[]) => items.map((item) => `“${item}”`).join('、');
  const renamed = (items: { from: string; to: string }[]) => items.map((item) => t('officeTemplates.renamed', item)).join('、');
  const lines: string[] = [];
  if (changes.sectionsAdded.length) lines.push(t('officeTemplates.sectionsAdded', { list: list(changes.sectionsAdded) }));
  if (changes.sectionsRemoved.length) lines.push(t('officeTemplates.sectionsRemoved', { list: list(changes.sectionsRemoved) }));
  if (changes.sectionsRenamed.length) lines.push(t('officeTemplates.sectionsRenamed', { list: renamed(changes.sectionsRenamed) }));
  for (const column of changes.columns) {
    const parts = [
      column.added.length ? t('officeTemplates.columnsAdded', { list: list(column.added) }) : '',
      column.removed.length ? t('officeTemplates.columnsRemoved', { list: list(column.removed) }) : '',
      column.renamed.length ? t('officeTemplates.columnsRenamed', { list: renamed(column.renamed) }) : '',
    ].filter(Boolean);
    lines.push(t('officeTemplates.columnsChanged', { section: column.section, changes: parts.join('；') }));
  }
  return lines;
}

/**
 * 「有新版本 vN」 above the author's draft when the supervisor has published a newer version of its template:
 * what changed, what would have no place, and the move on request (text and figures with a place are kept).
 */
export function TemplateUpdateNotice({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const update = useChannel('reports:template-update', { id });
  const move = useChannelMutation('reports:move-to-version');
  const data = update.data;
  if (!data) return null;
  const lines = changeLines(data, t);

  const moveNow = async () => {
    // The stored revision now (autosave may have saved since the page opened).
    const { report } = await request('reports:get', { id });
    const result = await move.mutateAsync({ id, baseRev: report.rev, version: data.latest });
    message.success(result.lost.length ? t('officeTemplates.movedLost', { version: data.latest, list: result.lost.join('；') }) : t('officeTemplates.moved', { version: data.latest }));
  };

  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="template-update"
      title={<strong>{t('officeTemplates.newVersionTitle', { version: data.latest })}</strong>}
      description={
        <div>
          <div>{t('officeTemplates.newVersionBody', { name: data.templateName, current: data.current, latest: data.latest })}</div>
          <ul style={{ margin: '4px 0', paddingInlineStart: 18 }} data-testid="template-update-changes">
            {(lines.length ? lines : [t('officeTemplates.noStructuralChange')]).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Typography.Text type="secondary">{t('officeTemplates.willKeep')}</Typography.Text>
          {data.lost.length > 0 && (
            <div data-testid="template-update-lost">
              <Typography.Text type="warning">{t('officeTemplates.willLose')}</Typography.Text>
              <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
                {data.lost.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      }
      action={
        <Button type="primary" size="small" loading={move.isPending} onClick={() => void moveNow().catch(() => undefined)} data-testid="move-to-version">
          {t('officeTemplates.move', { version: data.latest })}
        </Button>
      }
    />
  );
}
