import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Space, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { maximumPackageMegabytes, type PackageFile } from './files';
import { isNewSupervisorSender, showsDropZone, type AppliedImport, type PackagePreviewView } from './import-flow';
import { PackagePreview } from './PackagePreview';
import { SupervisorCheck } from './SupervisorCheck';
import { useImportFlow } from './useImportFlow';

/** The drop zone for a .rdpkg file, spinning while a package is checked. */
function PackageDrop({ checking, onPick }: { checking: boolean; onPick: (file: File) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('exchange.importHint')}</Typography.Paragraph>
      <Spin spinning={checking} tip={t('exchange.checking')}>
        <Upload.Dragger
          accept=".rdpkg"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            onPick(file);
            return false;
          }}
          data-testid="exchange-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('exchange.importDrop')}</p>
          <p className="ant-upload-hint">{t('exchange.importAccept', { size: maximumPackageMegabytes })}</p>
        </Upload.Dragger>
      </Spin>
    </>
  );
}

/** What an import applied: counts, people trusted, conflicts, and links to the documents imported. */
function AppliedAlert({ result }: { result: AppliedImport }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={result.conflicts.length ? 'warning' : 'success'}
      showIcon
      style={{ marginTop: 12 }}
      data-testid="exchange-applied"
      title={t('exchange.applied', result.applied)}
      description={
        <>
          {result.applied.trusted.length > 0 && <div>{t('exchange.appliedTrusted', { names: result.applied.trusted.join('、') })}</div>}
          {result.conflicts.map((conflict, index) => (
            <div key={index}>{conflict.message}</div>
          ))}
          {result.preview.documents.length > 0 && (
            <div data-testid="imported-documents" style={{ marginTop: 6 }}>
              <Typography.Text strong>{t('officeTemplates.importedDocuments')}</Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                {result.preview.documents.map((document) => (
                  <li key={document.id}>
                    <Link to={`/reports/${document.id}`}>{document.title}</Link>
                    <Typography.Text type="secondary"> · {document.authorName}</Typography.Text>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      }
    />
  );
}

interface PreviewStepProps {
  file: PackageFile;
  preview: PackagePreviewView;
  applying: boolean;
  confirmed: boolean;
  onConfirmed: (confirmed: boolean) => void;
  onConfirmSupervisorSender: (fingerprint: string) => void;
  onApply: () => void;
  onCancel: () => void;
}

/** The preview, the sender's trust step (fingerprint check for a new supervisor, else a checkbox), 导入 / 取消. */
function PreviewStep({ file, preview, applying, confirmed, onConfirmed, onConfirmSupervisorSender, onApply, onCancel }: PreviewStepProps) {
  const { t } = useTranslation();
  const newSupervisor = isNewSupervisorSender(preview);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('exchange.previewTitle')}：{file.fileName}
      </Typography.Title>
      <PackagePreview preview={preview} />
      {newSupervisor && !confirmed && <SupervisorCheck person={preview.sender} onConfirm={() => onConfirmSupervisorSender(preview.sender.fingerprint)} />}
      {newSupervisor && confirmed && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('supervisorTrust.confirmed', { name: preview.sender.name })} data-testid="supervisor-confirmed" />
      )}
      {preview.needsTrust && !newSupervisor && (
        <Checkbox checked={confirmed} onChange={(event) => onConfirmed(event.target.checked)} style={{ marginBottom: 12 }} data-testid="exchange-trust">
          {t('exchange.trustConfirm', { name: preview.sender.name })}
        </Checkbox>
      )}
      <div>
        <Space>
          <Button type="primary" loading={applying} disabled={preview.needsTrust && !confirmed} onClick={onApply} data-testid="exchange-apply">
            {t('exchange.apply')}
          </Button>
          <Button onClick={onCancel} disabled={applying}>
            {t('exchange.cancel')}
          </Button>
        </Space>
      </div>
    </>
  );
}

/** 导入: pick a file → preview (sender, fingerprint, what is new) → confirm → result. */
export function ImportPanel() {
  const { t } = useTranslation();
  const { state, confirmed, setConfirmed, pick, confirmSupervisor, confirmSupervisorSender, apply, reset } = useImportFlow();
  return (
    <Card size="small" title={t('exchange.importTitle')} style={{ marginBottom: 16 }} data-testid="exchange-import">
      {showsDropZone(state) && <PackageDrop checking={state.step === 'checking'} onPick={(file) => void pick(file)} />}
      {state.step === 'refused' && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('exchange.refused', { file: state.fileName })} description={state.error.message} data-testid="exchange-refused" />
      )}
      {state.step === 'applied' && <AppliedAlert result={state.result} />}
      {state.step === 'unchecked' && (
        <div style={{ marginTop: 12 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('exchange.previewTitle')}：{state.file.fileName}
          </Typography.Title>
          <SupervisorCheck person={state.person} onConfirm={() => void confirmSupervisor(state.file, state.person.fingerprint)} />
          <Button onClick={reset}>{t('exchange.cancel')}</Button>
        </div>
      )}
      {(state.step === 'preview' || state.step === 'applying') && (
        <PreviewStep
          file={state.file}
          preview={state.preview}
          applying={state.step === 'applying'}
          confirmed={confirmed}
          onConfirmed={setConfirmed}
          onConfirmSupervisorSender={confirmSupervisorSender}
          onApply={() => void apply(state.file, state.preview)}
          onCancel={reset}
        />
      )}
    </Card>
  );
}
