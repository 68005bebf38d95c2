import { ExclamationCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Fingerprint } from './IdentityCard';
import type { PackagePreviewView } from './import-flow';

type PersonView = PackagePreviewView['sender'];
type PreviewDocument = PackagePreviewView['documents'][number];

const effectColors: Record<PreviewDocument['effect'], string> = {
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

/** The documents table: title, author, revisions (new or known), new review records by type, and the effect. */
function documentColumns(t: TFunction): ColumnsType<PreviewDocument> {
  return [
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
  ];
}

/** Who sent the package: name, role, unit, whether their key is known, fingerprint, kind, time, recipients. */
function SenderDescriptions({ preview }: { preview: PackagePreviewView }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** What a package holds and what importing it would change: sender and fingerprint, documents, conflicts. */
export function PackagePreview({ preview }: { preview: PackagePreviewView }) {
  const { t } = useTranslation();
  const newPeople = preview.people.filter((person) => person.known === 'new');
  return (
    <div data-testid="exchange-preview">
      <SenderDescriptions preview={preview} />
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
      <Table size="small" rowKey="id" pagination={false} dataSource={preview.documents} style={{ marginBottom: 12 }} data-testid="preview-documents" columns={documentColumns(t)} />
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
