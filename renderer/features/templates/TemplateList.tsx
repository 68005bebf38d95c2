import { Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../electron/core/common/schemas/template';

/** Every template (latest versions), the selected one marked; a click or Enter selects. */
export function TemplateList({
  items,
  loading,
  current,
  onSelect,
}: {
  items: TemplateSummary[] | undefined;
  loading: boolean;
  current: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" loading={loading} styles={{ body: { padding: 0 } }}>
      {items?.length === 0 && <Empty style={{ margin: 24 }} />}
      <div role="list" aria-label={t('templates.title')} data-testid="template-list">
        {(items ?? []).map((item) => (
          <TemplateListItem key={item.id} item={item} active={item.id === current} onSelect={() => onSelect(item.id)} />
        ))}
      </div>
    </Card>
  );
}

function TemplateListItem({ item, active, onSelect }: { item: TemplateSummary; active: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  return (
    <div
      role="listitem"
      tabIndex={0}
      aria-current={active || undefined}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect();
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
}
