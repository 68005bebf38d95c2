import { Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Every keyboard shortcut of the app, by where it works: keys and what they do. */
export const shortcutList = [
  { keys: 'Alt+1 … Alt+6', action: 'navigate' },
  { keys: 'Ctrl+N', action: 'newDocument' },
  { keys: 'Ctrl+K, /', action: 'search' },
  { keys: '?', action: 'help' },
  { keys: '↑ ↓, Home, End', action: 'rowMove' },
  { keys: 'Enter', action: 'rowOpen' },
  { keys: 'Enter, Space', action: 'menuOpen' },
  { keys: 'Ctrl+S', action: 'save' },
  { keys: 'Ctrl+Alt+M', action: 'commentSelection' },
  { keys: 'Ctrl+Enter', action: 'commentSave' },
  { keys: 'Ctrl+.', action: 'togglePane' },
  { keys: 'Enter, Tab, ↑ ↓ ← →', action: 'gridMove' },
  { keys: 'F2', action: 'gridEdit' },
  { keys: 'Esc', action: 'escape' },
] as const;

/** The shortcut list as a table (under 设置, and in the `?` dialog). */
export function ShortcutTable() {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="keys"
      data-testid="shortcut-list"
      dataSource={shortcutList.map((item) => ({ keys: item.keys, action: t(`workspace.shortcut.${item.action}`) }))}
      columns={[
        { title: t('workspace.shortcutKeys'), dataIndex: 'keys', key: 'keys', width: 170, render: (keys: string) => <Typography.Text keyboard>{keys}</Typography.Text> },
        { title: t('workspace.shortcutAction'), dataIndex: 'action', key: 'action' },
      ]}
    />
  );
}

/** The shortcut list opened with `?` anywhere outside a text box. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('shortcuts.title')} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <ShortcutTable />
    </Modal>
  );
}
