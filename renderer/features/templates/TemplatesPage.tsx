import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { notifyError } from '../../app/notifier';
import { useProfile } from '../profiles/session';
import { TemplateDetail, useTemplateFileActions } from './TemplateDetail';
import { TemplateDialogs, type TemplateDialog } from './TemplateDialogs';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import type { EditorSource } from './useEditorDraft';

/**
 * 模板: every template (built-in ones first) and a preview of the selected one at any of its versions;
 * duplicate, edit (custom templates), create, export and import.
 */
export function TemplatesPage() {
  const { t } = useTranslation();
  const profile = useProfile();
  const list = useChannel('templates:list', {});
  const [selected, setSelected] = useState<string | null>(null);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [dialog, setDialog] = useState<TemplateDialog>(null);
  const [editing, setEditing] = useState<EditorSource | null>(null);
  const [opening, setOpening] = useState(false);
  const current = selected ?? list.data?.[0]?.id ?? null;
  const detail = useChannel('templates:get', version ? { id: current ?? '', version } : { id: current ?? '' }, { enabled: !!current });
  const duplicate = useChannelMutation('templates:duplicate');
  const fileActions = useTemplateFileActions();
  // Office templates are the supervisors' (enforced in core): managers use them and change nothing.
  const supervisor = profile.role === 'supervisor';
  const template = detail.data?.template;

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
          <TemplateList items={list.data} loading={list.isLoading} current={current} onSelect={(id) => select(id)} />
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" loading={detail.isLoading && !detail.data}>
            {template ? (
              <TemplateDetail
                template={template}
                versions={detail.data?.versions ?? []}
                opening={opening}
                onVersion={setVersion}
                onEdit={() => void openEditor()}
                onDuplicate={() => setDialog({ kind: 'duplicate', template })}
                actions={fileActions}
              />
            ) : (
              <Empty description={t('templates.selectOne')} />
            )}
          </Card>
        </Col>
      </Row>

      <TemplateDialogs dialog={dialog} duplicate={duplicate} onClose={() => setDialog(null)} onSelect={(id) => select(id)} onEdit={setEditing} />
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
