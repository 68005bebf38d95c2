import { Alert, App as AntApp, Button, Card, Checkbox, Col, Form, Modal, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChannel, useChannelMutation } from '../../api/hooks';
import { useProfile } from '../profiles/session';
import { defaultMetadata, MetadataFields } from './MetadataForm';

/** New document: pick a template, fill its details, land in the editor. */
export function NewReportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const templates = useChannel('templates:list', {});
  const [templateId, setTemplateId] = useState<string | null>(null);
  const template = useChannel('templates:get', { id: templateId ?? '' }, { enabled: !!templateId });
  const create = useChannelMutation('reports:create');
  const [form] = Form.useForm<Record<string, string>>();
  const [basedOnPrevious, setBasedOnPrevious] = useState(true);

  const chosen = template.data?.template;
  const period = Form.useWatch('报告期', form) as string | undefined;
  const subject = Form.useWatch(chosen?.subjectKey ?? '__none__', form) as string | undefined;
  const previous = useChannel(
    'reports:previous',
    { templateId: templateId ?? '', period: period ?? '', ...(chosen?.subjectKey ? { subject: subject ?? '' } : {}) },
    { enabled: !!chosen },
  );
  // A draft of the same template and period (and subject) already: offered instead of a second one.
  const existing = useChannel(
    'reports:existing-draft',
    { templateId: templateId ?? '', period: period ?? '', ...(chosen?.subjectKey && subject ? { subject } : {}) },
    // Always asked afresh: a draft made a moment ago (in this tab or another) must be seen.
    { enabled: !!chosen && !!period, staleTime: 0 },
  );
  const carriesForward = chosen?.sections.filter((section) => section.carryForwardFrom) ?? [];
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const metadata = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? '']));
    create.mutate(
      { templateId: templateId!, metadata, basedOnPrevious: !!previous.data && basedOnPrevious },
      {
        onSuccess: (report) => {
          message.success(t('reports.created', { title: report.title }));
          onClose();
          navigate(`/reports/${report.id}`);
        },
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={chosen ? `${t('reports.newDocument')} · ${chosen.name}` : t('reports.chooseTemplate')}
      onCancel={onClose}
      okText={existing.data ? t('officeTemplates.createAnyway') : t('reports.createAndOpen')}
      okButtonProps={{ disabled: !chosen, loading: create.isPending }}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Row gutter={[12, 12]} style={{ marginBottom: chosen ? 16 : 0 }}>
        {(templates.data ?? []).filter((item) => !item.retired).map((item) => (
          <Col span={12} key={item.id}>
            <Card
              size="small"
              hoverable
              onClick={() => {
                setTemplateId(item.id);
                form.resetFields();
              }}
              style={{ borderColor: item.id === templateId ? '#1f5fa8' : undefined, borderWidth: item.id === templateId ? 2 : 1 }}
              data-testid={`template-card-${item.id}`}
            >
              <Typography.Text strong>{item.name}</Typography.Text>{' '}
              <Tag>{t(`cadences.${item.cadence}`)}</Tag>
              {item.builtIn && <Tag color="blue">{t('templates.builtIn')}</Tag>}
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
                {item.description}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
      {chosen && (
        <Form
          key={chosen.id}
          form={form}
          layout="vertical"
          initialValues={defaultMetadata(chosen.metadataFields, profile)}
          aria-label={t('reports.metadata')}
        >
          <Typography.Title level={5}>{t('reports.metadata')}</Typography.Title>
          <Row gutter={12}>
            <MetadataColumns fields={chosen.metadataFields} />
          </Row>
          {existing.data && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="existing-draft"
              title={t('officeTemplates.existingTitle')}
              description={t('officeTemplates.existingBody', { title: existing.data.title })}
              action={
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    onClose();
                    navigate(`/reports/${existing.data!.id}`);
                  }}
                  data-testid="open-existing-draft"
                >
                  {t('officeTemplates.openExisting')}
                </Button>
              }
            />
          )}
          {previous.data && (
            <Checkbox checked={basedOnPrevious} onChange={(event) => setBasedOnPrevious(event.target.checked)} data-testid="based-on-previous">
              {t('reports.basedOnPrevious', { title: previous.data.title })}
            </Checkbox>
          )}
          {previous.data && carriesForward.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('reports.carryForwardHint', {
                sections: carriesForward.map((section) => `“${section.title}”`).join('、'),
              })}
            </Typography.Paragraph>
          )}
        </Form>
      )}
    </Modal>
  );
}

function MetadataColumns({ fields }: { fields: Parameters<typeof MetadataFields>[0]['fields'] }) {
  return (
    <>
      {fields.map((field) => (
        <Col span={12} key={field.key}>
          <MetadataFields fields={[field]} enforceRequired={false} />
        </Col>
      ))}
    </>
  );
}
