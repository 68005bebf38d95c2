import { CopyOutlined, DownloadOutlined, EditOutlined, LockOutlined, StopOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Popconfirm, Select, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../electron/core/common/schemas/template';
import { useChannelMutation } from '../../api/hooks';
import { useProfile } from '../profiles/session';
import { downloadText } from './download';
import { TemplatePreview } from './TemplatePreview';

/**
 * The selected template at the version chosen: a version picker, what the person may do with it (office
 * templates are the supervisors': managers use them and change nothing), and its preview.
 */
export function TemplateDetail({
  template,
  versions,
  opening,
  onVersion,
  onEdit,
  onDuplicate,
  actions,
}: {
  template: Template;
  versions: number[];
  /** The editor is being opened (the latest version is read first). */
  opening: boolean;
  /** Show this version; undefined for the latest. */
  onVersion: (version: number | undefined) => void;
  onEdit: () => void;
  onDuplicate: () => void;
  actions: TemplateFileActions;
}) {
  const { t } = useTranslation();
  const latest = versions.length ? Math.max(...versions) : template.version;
  const viewingOld = template.version !== latest;
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <Space size={6}>
          <Typography.Text type="secondary">{t('templateEditor.versionLabel')}</Typography.Text>
          <Select
            size="small"
            value={template.version}
            style={{ minWidth: 120 }}
            aria-label={t('templateEditor.versionLabel')}
            options={[...versions]
              .sort((a, b) => b - a)
              .map((value) => ({
                value,
                label: value === latest ? t('templateEditor.latestVersion', { version: value }) : `v${value}`,
              }))}
            onChange={(value) => onVersion(value === latest ? undefined : value)}
            data-testid="version-select"
          />
        </Space>
        <div style={{ flex: 1 }} />
        <TemplateActions template={template} viewingOld={viewingOld} opening={opening} onEdit={onEdit} onDuplicate={onDuplicate} actions={actions} />
      </div>
      {template.builtIn && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('templateEditor.builtInReadOnly')} data-testid="builtin-hint" />}
      {viewingOld && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('templateEditor.viewingOld', { version: template.version, latest })}
          data-testid="old-version-hint"
        />
      )}
      <TemplatePreview template={template} />
    </>
  );
}

/**
 * Export and retire, held by the page (not by the detail pane) so that a call still finishing when the
 * selection changes completes as before (a mutation's own callbacks do not run after its component left).
 */
export function useTemplateFileActions() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const exportFile = useChannelMutation('templates:export');
  const retire = useChannelMutation('templates:retire');
  return {
    exporting: exportFile.isPending,
    exportTemplate: (template: Template) =>
      exportFile.mutate(
        { id: template.id, version: template.version },
        {
          onSuccess: ({ fileName, text }) => {
            downloadText(fileName, text);
            message.success(t('templateEditor.exported', { file: fileName }));
          },
        },
      ),
    retiring: retire.isPending,
    retireTemplate: (template: Template) =>
      retire.mutate(
        { id: template.id, baseVersion: template.version },
        { onSuccess: (retired) => message.success(t('officeTemplates.retiredDone', { name: retired.name, version: retired.version })) },
      ),
  };
}

export type TemplateFileActions = ReturnType<typeof useTemplateFileActions>;

/** Duplicate, retire, edit (the latest version) and export; what the person may not do is locked or hidden. */
function TemplateActions({
  template,
  viewingOld,
  opening,
  onEdit,
  onDuplicate,
  actions,
}: {
  template: Template;
  viewingOld: boolean;
  opening: boolean;
  onEdit: () => void;
  onDuplicate: () => void;
  actions: TemplateFileActions;
}) {
  const { t } = useTranslation();
  const profile = useProfile();
  const supervisor = profile.role === 'supervisor';
  const othersTemplate = !!template.publisher && template.publisher.profileId !== profile.id;
  const editBlocked = template.builtIn || !supervisor || othersTemplate || !!template.retired;
  const editHint = template.builtIn
    ? t('templateEditor.builtInReadOnly')
    : othersTemplate
      ? t('officeTemplates.othersTemplate', { name: template.publisher?.name })
      : !supervisor
        ? t('officeTemplates.managerReadOnly')
        : undefined;

  return (
    <>
      {supervisor && (
        <Button icon={<CopyOutlined />} onClick={onDuplicate} data-testid="duplicate-template">
          {t('templateEditor.duplicate')}
        </Button>
      )}
      {supervisor && !template.builtIn && !othersTemplate && !template.retired && !viewingOld && (
        <Popconfirm title={t('officeTemplates.retireConfirm', { name: template.name })} onConfirm={() => actions.retireTemplate(template)}>
          <Button icon={<StopOutlined />} loading={actions.retiring} data-testid="retire-template">
            {t('officeTemplates.retire')}
          </Button>
        </Popconfirm>
      )}
      <Tooltip title={editHint}>
        <Button icon={editBlocked ? <LockOutlined /> : <EditOutlined />} disabled={editBlocked} loading={opening} onClick={onEdit} data-testid="edit-template">
          {viewingOld ? t('templateEditor.editLatest') : t('templateEditor.edit')}
        </Button>
      </Tooltip>
      <Button icon={<DownloadOutlined />} loading={actions.exporting} onClick={() => actions.exportTemplate(template)} data-testid="export-template">
        {t('templateEditor.export')}
      </Button>
    </>
  );
}
