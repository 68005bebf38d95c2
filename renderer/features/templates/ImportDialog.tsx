import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../electron/api/result';
import type { Template } from '../../../electron/core/common/schemas/template';
import { ApiCallError } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

type Outcome =
  | { kind: 'imported'; fileName: string; template: Template; created: boolean }
  | { kind: 'failed'; fileName: string; error: ApiError };

/**
 * Import a template file. The backend validates it; a bad file's message names the line and the field,
 * and is shown here, in the dialog, where the user is looking (and only here: no toast over the dialog).
 */
export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (template: Template) => void }) {
  const { t } = useTranslation();
  const importFile = useChannelMutation('templates:import', { shownInPlace: true });
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const read = async (file: File) => {
    setOutcome(null);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setOutcome({ kind: 'failed', fileName: file.name, error: { code: 'invalid-input', message: String(error) } });
      return;
    }
    if (!text.trim()) {
      setOutcome({ kind: 'failed', fileName: file.name, error: { code: 'invalid-input', message: t('templateEditor.importEmpty', { file: file.name }) } });
      return;
    }
    try {
      const result = await importFile.mutateAsync({ fileName: file.name, text });
      setOutcome({ kind: 'imported', fileName: file.name, ...result });
      onImported(result.template);
    } catch (error) {
      setOutcome({
        kind: 'failed',
        fileName: file.name,
        error: error instanceof ApiCallError ? error.error : { code: 'internal', message: String(error) },
      });
    }
  };

  return (
    <Modal
      open
      title={t('templateEditor.importTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('templateEditor.importHint')}</Typography.Paragraph>
      <Spin spinning={importFile.isPending}>
        <Upload.Dragger
          accept=".json,application/json"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void read(file);
            return false;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('templateEditor.importDrop')}</p>
          <p className="ant-upload-hint">{t('templateEditor.importAccept')}</p>
        </Upload.Dragger>
      </Spin>
      <div data-testid="import-result" style={{ marginTop: 16 }}>
        {outcome?.kind === 'imported' && (
          <Alert
            type={outcome.created ? 'success' : 'info'}
            showIcon
            title={
              outcome.created
                ? t('templateEditor.imported', { name: outcome.template.name, version: outcome.template.version })
                : t('templateEditor.importUnchanged', { name: outcome.template.name, version: outcome.template.version })
            }
          />
        )}
        {outcome?.kind === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('templateEditor.importFailed', { file: outcome.fileName })}
            description={
              <div data-testid="import-error">
                <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{outcome.error.message}</div>
                {outcome.error.issues && outcome.error.issues.length > 1 && (
                  <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
                    {outcome.error.issues.map((issue, index) => (
                      <li key={index}>
                        <Typography.Text code>{issue.path}</Typography.Text> {issue.message}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            }
          />
        )}
      </div>
    </Modal>
  );
}
