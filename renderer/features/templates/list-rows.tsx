import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** The titles above a grid of editable rows (a table's columns, a list of fields). */
export function GridHeader({ grid, titles }: { grid: CSSProperties; titles: string[] }) {
  return (
    <div style={{ ...grid, marginBottom: 4 }}>
      {titles.map((title, index) => (
        <Typography.Text key={index} type="secondary" style={{ fontSize: 12 }}>
          {title}
        </Typography.Text>
      ))}
    </div>
  );
}

/** Move up, move down and remove, at the end of an editable row. */
export function RowActions({
  index,
  count,
  removeLabel,
  canRemove,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  /** Tooltip and accessible name of the remove button. */
  removeLabel: string;
  canRemove: boolean;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={2}>
      <Tooltip title={t('templateEditor.moveUp')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          aria-label={t('templateEditor.moveUp')}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        />
      </Tooltip>
      <Tooltip title={t('templateEditor.moveDown')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          aria-label={t('templateEditor.moveDown')}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        />
      </Tooltip>
      <Tooltip title={removeLabel}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={removeLabel} disabled={!canRemove} onClick={onRemove} />
      </Tooltip>
    </Space>
  );
}
