import { Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/hooks';
import { TemplatePreview } from './TemplatePreview';

/** 模板: every template (built-in ones first) and a preview of the selected one. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const list = useChannel('templates:list', {});
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? list.data?.[0]?.id ?? null;
  const template = useChannel('templates:get', { id: current ?? '' }, { enabled: !!current });

  return (
    <div className="rd-page">
      <div className="rd-page-header">
        <h2>{t('templates.title')}</h2>
      </div>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small" loading={list.isLoading}>
            <List
              dataSource={list.data ?? []}
              renderItem={(item) => (
                <List.Item
                  key={item.id}
                  onClick={() => setSelected(item.id)}
                  style={{ cursor: 'pointer', background: item.id === current ? '#e8f0fb' : undefined, paddingInline: 8 }}
                >
                  <List.Item.Meta
                    title={
                      <>
                        {item.name} {item.builtIn ? <Tag color="blue">{t('templates.builtIn')}</Tag> : <Tag>{t('templates.custom')}</Tag>}
                      </>
                    }
                    description={
                      <Typography.Text type="secondary">
                        {t(`cadences.${item.cadence}`)} · {t('templates.sections', { count: item.sectionCount })} ·{' '}
                        {t('common.version', { version: item.version })}
                      </Typography.Text>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" loading={template.isLoading}>
            {template.data ? <TemplatePreview template={template.data.template} /> : <Empty description={t('templates.selectOne')} />}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
