import { CopyOutlined, DownloadOutlined, EditOutlined, LockOutlined, PlusOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Col, Empty, Popconfirm, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../electron/core/common/schemas/template';
import { request } from '../../api/client';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { notifyError } from '../../app/notifier';
import { useProfile } from '../profiles/session';
import { ImportDialog } from './ImportDialog';
import { NameDialog } from './NameDialog';
import { TemplateEditor, type EditorSource } from './TemplateEditor';
import { TemplatePreview } from './TemplatePreview';
import { blankTemplate } from './template-draft';

/** Save text as a file through the browser's download (Electron shows its save dialog). */
function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A new template's id; the page is served over loopback or from the app, both secure contexts with randomUUID. */
function newTemplateId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `tpl-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

type Dialog = { kind: 'duplicate'; template: Template } | { kind: 'new' } | { kind: 'import' } | null;

/**
 * 模板: every template (built-in ones first) and a preview of the selected one at any of its versions;
 * duplicate, edit (custom templates), create, export and import.
 */
export function TemplatesPage() {
  const { t } = useTranslation();
  const profile = useProfile();
  const { message } = AntApp.useApp();
  const list = useChannel('templates:list', {});
  const [selected, setSelected] = useState<string | null>(null);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState<EditorSource | null>(null);
  const [opening, setOpening] = useState(false);
  const current = selected ?? list.data?.[0]?.id ?? null;
  const detail = useChannel('templates:get', version ? { id: current ?? '', version } : { id: current ?? '' }, { enabled: !!current });
  const duplicate = useChannelMutation('templates:duplicate');
  const exportFile = useChannelMutation('templates:export');
  const retire = useChannelMutation('templates:retire');
  // Office templates are the supervisors' (enforced in core): managers use them and change nothing.
  const supervisor = profile.role === 'supervisor';

  const template = detail.data?.template;
  const versions = detail.data?.versions ?? [];
  const latest = versions.length ? Math.max(...versions) : template?.version;
  const viewingOld = !!template && latest !== undefined && template.version !== latest;
  const othersTemplate = !!template?.publisher && template.publisher.profileId !== profile.id;
  const editBlocked = !template || template.builtIn || !supervisor || othersTemplate || !!template.retired;
  const editHint = template?.builtIn
    ? t('templateEditor.builtInReadOnly')
    : othersTemplate
      ? t('officeTemplates.othersTemplate', { name: template?.publisher?.name })
      : !supervisor
        ? t('officeTemplates.managerReadOnly')
        : undefined;

  const select = (id: string, nextVersion?: number) => {
    setSelected(id);
    setVersion(nextVersion);
  };

  const openEditor = async () => {
    if (!current) return;
    setOpening(true);
    try {
      const { template: newest } = await request('templates:get', { id: current });
      setEditing({ template: newest, baseVersion: newest.version });
    } catch (error) {
      notifyError(error);
    } finally {
      setOpening(false);
    }
  };

  const exportTemplate = (source: Template) => {
    exportFile.mutate(
      { id: source.id, version: source.version },
      {
        onSuccess: ({ fileName, text }) => {
          downloadText(fileName, text);
          message.success(t('templateEditor.exported', { file: fileName }));
        },
      },
    );
  };

  return (
    <div className="rd-page">
      <div className="rd-page-header">
        <h2>{t('templates.title')}</h2>
        {supervisor && (
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })} data-testid="import-template">
              {t('templateEditor.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'new' })} data-testid="new-template">
              {t('templateEditor.newTemplate')}
            </Button>
          </Space>
        )}
      </div>
      {!supervisor && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('officeTemplates.managerReadOnly')} data-testid="templates-manager-hint" />}
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small" loading={list.isLoading} styles={{ body: { padding: 0 } }}>
            {list.data?.length === 0 && <Empty style={{ margin: 24 }} />}
            <div role="list" aria-label={t('templates.title')} data-testid="template-list">
              {(list.data ?? []).map((item) => {
                const active = item.id === current;
                return (
                  <div
                    role="listitem"
                    key={item.id}
                    tabIndex={0}
                    aria-current={active || undefined}
                    onClick={() => select(item.id)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        select(item.id);
                      }
                    }}
                    style={{
                      cursor: 'pointer',
                      padding: '10px 12px',
                      borderBottom: '1px solid #f0f0f0',
                      borderLeft: `3px solid ${active ? '#1f5fa8' : 'transparent'}`,
                      background: active ? '#e8f0fb' : undefined,
                    }}
                    data-testid="template-item"
                  >
                    <div style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
                      <Typography.Text strong>{item.name}</Typography.Text>
                      {item.builtIn ? <Tag color="blue">{t('templates.builtIn')}</Tag> : <Tag color="green">{t('templates.custom')}</Tag>}
                      {item.retired && <Tag>{t('officeTemplates.retired')}</Tag>}
                      {item.publisher && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('officeTemplates.publisher', { name: item.publisher.name })}
                        </Typography.Text>
                      )}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`kinds.${item.kind}`)} · {t(`cadences.${item.cadence}`)} · {t('templates.sections', { count: item.sectionCount })} ·{' '}
                      {t('common.version', { version: item.version })}
                    </Typography.Text>
                  </div>
                );
              })}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" loading={detail.isLoading && !detail.data}>
            {template ? (
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
                      onChange={(value) => setVersion(value === latest ? undefined : value)}
                      data-testid="version-select"
                    />
                  </Space>
                  <div style={{ flex: 1 }} />
                  {supervisor && (
                    <Button icon={<CopyOutlined />} onClick={() => setDialog({ kind: 'duplicate', template })} data-testid="duplicate-template">
                      {t('templateEditor.duplicate')}
                    </Button>
                  )}
                  {supervisor && !template.builtIn && !othersTemplate && !template.retired && !viewingOld && (
                    <Popconfirm
                      title={t('officeTemplates.retireConfirm', { name: template.name })}
                      onConfirm={() =>
                        retire.mutate(
                          { id: template.id, baseVersion: template.version },
                          { onSuccess: (retired) => message.success(t('officeTemplates.retiredDone', { name: retired.name, version: retired.version })) },
                        )
                      }
                    >
                      <Button icon={<StopOutlined />} loading={retire.isPending} data-testid="retire-template">
                        {t('officeTemplates.retire')}
                      </Button>
                    </Popconfirm>
                  )}
                  <Tooltip title={editHint}>
                    <Button
                      icon={editBlocked ? <LockOutlined /> : <EditOutlined />}
                      disabled={editBlocked}
                      loading={opening}
                      onClick={() => void openEditor()}
                      data-testid="edit-template"
                    >
                      {viewingOld ? t('templateEditor.editLatest') : t('templateEditor.edit')}
                    </Button>
                  </Tooltip>
                  <Button icon={<DownloadOutlined />} loading={exportFile.isPending} onClick={() => exportTemplate(template)} data-testid="export-template">
                    {t('templateEditor.export')}
                  </Button>
                </div>
                {template.builtIn && (
                  <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('templateEditor.builtInReadOnly')} data-testid="builtin-hint" />
                )}
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
            ) : (
              <Empty description={t('templates.selectOne')} />
            )}
          </Card>
        </Col>
      </Row>

      {dialog?.kind === 'duplicate' && (
        <NameDialog
          title={t('templateEditor.duplicateTitle', { name: dialog.template.name, version: dialog.template.version })}
          hint={t('templateEditor.duplicateHint')}
          initialName={t('templateEditor.copyName', { name: dialog.template.name })}
          okText={t('templateEditor.duplicate')}
          busy={duplicate.isPending}
          onCancel={() => setDialog(null)}
          onSubmit={(name) =>
            duplicate.mutate(
              { id: dialog.template.id, version: dialog.template.version, name },
              {
                onSuccess: (copy) => {
                  setDialog(null);
                  select(copy.id);
                  message.success(t('templateEditor.duplicated', { name: copy.name }));
                },
              },
            )
          }
        />
      )}
      {dialog?.kind === 'new' && (
        <NameDialog
          title={t('templateEditor.newTemplate')}
          hint={t('templateEditor.newHint')}
          initialName={t('templateEditor.blankName')}
          okText={t('templateEditor.startEditing')}
          onCancel={() => setDialog(null)}
          onSubmit={(name) => {
            setDialog(null);
            setEditing({
              template: blankTemplate({
                id: newTemplateId(),
                name,
                now: new Date(),
                createdBy: profile.id,
                sectionTitle: t('templateEditor.blankSectionTitle'),
                periodLabel: t('templateEditor.periodLabel'),
              }),
              baseVersion: null,
            });
          }}
        />
      )}
      {dialog?.kind === 'import' && <ImportDialog onClose={() => setDialog(null)} onImported={(imported) => select(imported.id)} />}
      {editing && (
        <TemplateEditor
          key={editing.template.id}
          source={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => select(saved.id)}
        />
      )}
    </div>
  );
}
