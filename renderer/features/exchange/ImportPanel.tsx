import { ExclamationCircleOutlined, InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChannelOutput } from '../../../electron/api/contract';
import type { ApiError } from '../../../electron/api/result';
import { call } from '../../api/client';
import { refreshAfter } from '../../api/refreshes';
import { Fingerprint } from './IdentityCard';
import type { OpenPackageState } from './OpenPackageListener';
import { maximumPackageMegabytes, toBase64, type PackageFile } from './files';

type Preview = ChannelOutput<'exchange:preview'>;
type Applied = ChannelOutput<'exchange:apply'>;
type PersonView = Preview['sender'];

const effectColors: Record<Preview['documents'][number]['effect'], string> = {
  create: 'green',
  status: 'blue',
  refresh: 'cyan',
  none: 'default',
  conflict: 'red',
};

function KeyTag({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  if (person.known === 'local') return <Tag color="blue">{t('exchange.keyLocal')}</Tag>;
  if (person.known === 'trusted') return <Tag color="green">{t('exchange.keyTrusted')}</Tag>;
  return (
    <Tag color="orange" icon={<ExclamationCircleOutlined />}>
      {t('exchange.keyNew')}
    </Tag>
  );
}

/** A supervisor this machine does not trust yet, as the preview (or its refusal) names them. */
interface SupervisorToCheck {
  name: string;
  unit: string;
  fingerprint: string;
}

/**
 * The explicit fingerprint step for a supervisor this machine does not trust yet: person, role, fingerprint in
 * groups of four, how to compare it, and 「核对无误，信任此主管」. Without it nothing signed by that key as a
 * supervisor (decisions, grades, comments) is applied.
 */
function SupervisorCheck({ person, onConfirm }: { person: SupervisorToCheck; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      icon={<SafetyCertificateOutlined />}
      style={{ marginBottom: 12 }}
      data-testid="supervisor-check"
      title={t('supervisorTrust.title', { name: person.name })}
      description={
        <Space direction="vertical" size={6} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong data-testid="supervisor-check-name">
              {person.name}
            </Typography.Text>
            <Tag color="gold">{t('roles.supervisor')}</Tag>
            <Typography.Text type="secondary">{person.unit}</Typography.Text>
          </Space>
          <div>
            {t('exchange.fingerprint')}：<Fingerprint value={person.fingerprint} testId="supervisor-check-fingerprint" />
          </div>
          <Typography.Text>{t('supervisorTrust.howTo', { name: person.name })}</Typography.Text>
          <Typography.Text type="secondary">{t('supervisorTrust.without')}</Typography.Text>
          <Button type="primary" ghost icon={<SafetyCertificateOutlined />} onClick={onConfirm} data-testid="exchange-trust">
            {t('supervisorTrust.confirm')}
          </Button>
        </Space>
      }
    />
  );
}

/** The supervisor a refusal names when the package carries a supervisor's records this machine does not trust. */
function unpinnedSupervisor(error: ApiError): SupervisorToCheck | null {
  const details = error.details as { reason?: string; person?: SupervisorToCheck } | undefined;
  return details?.reason === 'unpinned-supervisor' && details.person ? details.person : null;
}

/** What a package holds and what importing it would change: sender and fingerprint, documents, conflicts. */
export function PackagePreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const newPeople = preview.people.filter((person) => person.known === 'new');
  return (
    <div data-testid="exchange-preview">
      <Descriptions column={2} size="small" bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('exchange.sender')} span={2}>
          <Space wrap>
            <Typography.Text strong data-testid="preview-sender">
              {preview.sender.name}
            </Typography.Text>
            <Tag color={preview.sender.role === 'supervisor' ? 'gold' : 'blue'}>{t(`roles.${preview.sender.role}`)}</Tag>
            <Typography.Text type="secondary">{preview.sender.unit}</Typography.Text>
            <KeyTag person={preview.sender} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('exchange.fingerprint')} span={2}>
          <Fingerprint value={preview.sender.fingerprint} testId="preview-fingerprint" />
        </Descriptions.Item>
        <Descriptions.Item label={t('exchange.kind')}>{preview.kind === 'submissions' ? t('exchange.kindSubmissions') : t('exchange.kindReviews')}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.createdAt')}>{new Date(preview.createdAt).toLocaleString()}</Descriptions.Item>
        {preview.recipients.length > 0 && (
          <Descriptions.Item label={t('exchange.recipients')} span={2}>
            {preview.recipients.map((recipient) => recipient.name).join('、')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {preview.sender.known === 'new' && (
        <Alert
          type="warning"
          showIcon
          icon={<SafetyCertificateOutlined />}
          style={{ marginBottom: 12 }}
          title={t('exchange.firstTimeTitle')}
          description={t('exchange.firstTimeBody', { name: preview.sender.name })}
          data-testid="first-time-warning"
        />
      )}
      {newPeople.length > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          title={t('exchange.otherNewPeople', { names: newPeople.map((person) => `${person.name}（${person.fingerprint}）`).join('、') })}
        />
      )}
      <Typography.Paragraph data-testid="preview-totals">{t('exchange.totals', preview.totals)}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={preview.documents}
        style={{ marginBottom: 12 }}
        data-testid="preview-documents"
        columns={[
          { title: t('exchange.columnDocument'), dataIndex: 'title' },
          { title: t('exchange.columnAuthor'), dataIndex: 'authorName', width: 90 },
          {
            title: t('exchange.columnRevisions'),
            key: 'revisions',
            width: 200,
            render: (_, document) => (
              <Space size={4} wrap>
                {document.revisions.map((revision) => (
                  <Tag key={revision.revision} color={revision.isNew ? 'green' : 'default'}>
                    {t(revision.isNew ? 'exchange.revisionNew' : 'exchange.revisionKnown', { revision: revision.revision })}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('exchange.columnRecords'),
            key: 'records',
            width: 200,
            render: (_, document) =>
              document.newRecords === 0 ? (
                <Typography.Text type="secondary">0</Typography.Text>
              ) : (
                <span>
                  {document.newRecords}（
                  {Object.entries(document.newRecordTypes)
                    .map(([type, count]) => `${t(`exchange.recordTypes.${type}`)} ${count}`)
                    .join('、')}
                  ）
                </span>
              ),
          },
          {
            title: t('exchange.columnEffect'),
            key: 'effect',
            width: 190,
            render: (_, document) => (
              <Space size={4} wrap>
                <Tag color={effectColors[document.effect]}>{t(`exchange.effects.${document.effect}`)}</Tag>
                <span>
                  {document.statusBefore && document.statusBefore !== document.statusAfter ? `${t(`statuses.${document.statusBefore}`)} → ` : ''}
                  {t(`statuses.${document.statusAfter}`)}
                </span>
              </Space>
            ),
          },
        ]}
      />
      {preview.ignoredDocuments > 0 && <Typography.Paragraph type="secondary">{t('exchange.ignored', { count: preview.ignoredDocuments })}</Typography.Paragraph>}
      {preview.templates.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('exchange.templates')}：
          {preview.templates.map((template) => t(template.status === 'new' ? 'exchange.templateNew' : 'exchange.templateKnown', template)).join('、')}
        </Typography.Paragraph>
      )}
      {preview.conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('exchange.conflictsTitle')}
          description={preview.conflicts.map((conflict, index) => (
            <div key={index}>{conflict.message}</div>
          ))}
          data-testid="preview-conflicts"
        />
      )}
      {preview.nothingNew && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('exchange.nothingNew')} />}
    </div>
  );
}

type State =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'refused'; fileName: string; error: ApiError }
  | { step: 'unchecked'; file: PackageFile; error: ApiError; person: SupervisorToCheck }
  | { step: 'preview'; file: PackageFile; preview: Preview }
  | { step: 'applying'; file: PackageFile; preview: Preview }
  | { step: 'applied'; result: Applied };

/** 导入: pick a file → preview (sender, fingerprint, what is new) → confirm → result. */
export function ImportPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [confirmed, setConfirmed] = useState(false);
  // Supervisors' fingerprints the person importing has checked (and confirmed) for this package.
  const [supervisors, setSupervisors] = useState<string[]>([]);

  // A package opened with a double-click arrives as route state (OpenPackageListener): preview it at once.
  const opened = (useLocation().state as OpenPackageState | null) ?? null;
  useEffect(() => {
    if (!opened) return;
    const message = opened.openPackage;
    setConfirmed(false);
    if (!message.ok) {
      setState({ step: 'refused', fileName: message.fileName, error: { code: 'invalid-input', message: t(`backup.openedPackage.${message.reason}`, { size: maximumPackageMegabytes }) } });
      return;
    }
    const packageFile = { fileName: message.fileName, dataBase64: message.dataBase64 };
    setState({ step: 'checking', fileName: message.fileName });
    setSupervisors([]);
    void check(packageFile, []);
    // Each opening (nonce) once.
  }, [opened?.nonce]);

  const pick = async (file: File) => {
    setConfirmed(false);
    if (file.size > maximumPackageMegabytes * 1024 * 1024) {
      setState({ step: 'refused', fileName: file.name, error: { code: 'invalid-input', message: t('exchange.tooLarge', { size: maximumPackageMegabytes }) } });
      return;
    }
    setSupervisors([]);
    setState({ step: 'checking', fileName: file.name });
    const packageFile = { fileName: file.name, dataBase64: toBase64(await file.arrayBuffer()) };
    await check(packageFile, []);
  };

  /** Preview the package with the supervisors confirmed so far; a refusal naming an unchecked supervisor asks for them. */
  const check = async (packageFile: PackageFile, confirmedSupervisors: string[]) => {
    const result = await call('exchange:preview', { ...packageFile, ...(confirmedSupervisors.length ? { confirmSupervisors: confirmedSupervisors } : {}) });
    if (result.ok) setState({ step: 'preview', file: packageFile, preview: result.value });
    else if (unpinnedSupervisor(result.error)) setState({ step: 'unchecked', file: packageFile, error: result.error, person: unpinnedSupervisor(result.error)! });
    else setState({ step: 'refused', fileName: packageFile.fileName, error: result.error });
  };

  const confirmSupervisor = async (packageFile: PackageFile, fingerprint: string) => {
    const next = [...new Set([...supervisors, fingerprint])];
    setSupervisors(next);
    setState({ step: 'checking', fileName: packageFile.fileName });
    await check(packageFile, next);
  };

  const apply = async (file: PackageFile, preview: Preview) => {
    setState({ step: 'applying', file, preview });
    const result = await call('exchange:apply', {
      ...file,
      trustSender: preview.needsTrust && confirmed,
      ...(supervisors.length ? { confirmSupervisors: supervisors } : {}),
    });
    if (!result.ok) {
      setState({ step: 'refused', fileName: file.fileName, error: result.error });
      return;
    }
    // An import can touch any document, template, review or trust entry: every cached read is asked again.
    await refreshAfter(client, 'exchange:apply');
    setState({ step: 'applied', result: result.value });
  };

  const reset = () => {
    setState({ step: 'idle' });
    setConfirmed(false);
    setSupervisors([]);
  };

  // A review package from a supervisor met for the first time: the explicit fingerprint step, not a checkbox.
  const newSupervisorSender = (preview: Preview) => preview.needsTrust && preview.sender.known === 'new' && preview.sender.role === 'supervisor';

  return (
    <Card size="small" title={t('exchange.importTitle')} style={{ marginBottom: 16 }} data-testid="exchange-import">
      {(state.step === 'idle' || state.step === 'checking' || state.step === 'refused' || state.step === 'applied') && (
        <>
          <Typography.Paragraph type="secondary">{t('exchange.importHint')}</Typography.Paragraph>
          <Spin spinning={state.step === 'checking'} tip={t('exchange.checking')}>
            <Upload.Dragger
              accept=".rdpkg"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void pick(file);
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
      )}
      {state.step === 'refused' && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('exchange.refused', { file: state.fileName })}
          description={state.error.message}
          data-testid="exchange-refused"
        />
      )}
      {state.step === 'applied' && (
        <Alert
          type={state.result.conflicts.length ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 12 }}
          data-testid="exchange-applied"
          title={t('exchange.applied', state.result.applied)}
          description={
            <>
              {state.result.applied.trusted.length > 0 && <div>{t('exchange.appliedTrusted', { names: state.result.applied.trusted.join('、') })}</div>}
              {state.result.conflicts.map((conflict, index) => (
                <div key={index}>{conflict.message}</div>
              ))}
              {state.result.preview.documents.length > 0 && (
                <div data-testid="imported-documents" style={{ marginTop: 6 }}>
                  <Typography.Text strong>{t('officeTemplates.importedDocuments')}</Typography.Text>
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                    {state.result.preview.documents.map((document) => (
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
      )}
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
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('exchange.previewTitle')}：{state.file.fileName}
          </Typography.Title>
          <PackagePreview preview={state.preview} />
          {newSupervisorSender(state.preview) && !confirmed && (
            <SupervisorCheck
              person={state.preview.sender}
              onConfirm={() => {
                setConfirmed(true);
                setSupervisors((current) => [...new Set([...current, state.preview.sender.fingerprint])]);
              }}
            />
          )}
          {newSupervisorSender(state.preview) && confirmed && (
            <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('supervisorTrust.confirmed', { name: state.preview.sender.name })} data-testid="supervisor-confirmed" />
          )}
          {state.preview.needsTrust && !newSupervisorSender(state.preview) && (
            <Checkbox checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} style={{ marginBottom: 12 }} data-testid="exchange-trust">
              {t('exchange.trustConfirm', { name: state.preview.sender.name })}
            </Checkbox>
          )}
          <div>
            <Space>
              <Button
                type="primary"
                loading={state.step === 'applying'}
                disabled={state.preview.needsTrust && !confirmed}
                onClick={() => void apply(state.file, state.preview)}
                data-testid="exchange-apply"
              >
                {t('exchange.apply')}
              </Button>
              <Button onClick={reset} disabled={state.step === 'applying'}>
                {t('exchange.cancel')}
              </Button>
            </Space>
          </div>
        </>
      )}
    </Card>
  );
}
