import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, FileExcelOutlined, InsertRowBelowOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Position } from './grid-keys';
import type { RowActions } from './useRowActions';

export interface GridToolbarProps {
  sectionId: string;
  position: Position | null;
  rowCount: number;
  actions: RowActions;
  onImport: () => void;
}

/** 在下方插入, 上移, 下移, 删除行, 从 Excel 导入, and the row count. */
export function GridToolbar({ sectionId, position, rowCount, actions, onImport }: GridToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="rd-grid-toolbar">
      <Space wrap size={6}>
        <Tooltip title={t('grid.insertBelowHint')}>
          <Button size="small" icon={<InsertRowBelowOutlined />} disabled={!position} onClick={() => position && actions.addRow(position.row + 1)}>
            {t('grid.insertBelow')}
          </Button>
        </Tooltip>
        <Tooltip title={t('grid.moveUpHint')}>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={!position || position.row === 0} onClick={() => actions.moveRowBy(-1)}>
            {t('grid.moveUp')}
          </Button>
        </Tooltip>
        <Tooltip title={t('grid.moveDownHint')}>
          <Button size="small" icon={<ArrowDownOutlined />} disabled={!position || position.row >= rowCount - 1} onClick={() => actions.moveRowBy(1)}>
            {t('grid.moveDown')}
          </Button>
        </Tooltip>
        <Tooltip title={t('grid.deleteRowHint')}>
          <Button size="small" danger icon={<DeleteOutlined />} disabled={!position} onClick={actions.deleteRow} data-testid={`grid-delete-row-${sectionId}`}>
            {t('grid.deleteRow')}
          </Button>
        </Tooltip>
        <Button size="small" icon={<FileExcelOutlined />} onClick={onImport} data-testid={`grid-import-${sectionId}`}>
          {t('grid.importXlsx')}
        </Button>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('grid.rowCount', { count: rowCount })}
      </Typography.Text>
    </div>
  );
}
