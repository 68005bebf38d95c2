import { BoldOutlined, ItalicOutlined, OrderedListOutlined, UnderlineOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useEditorState, type Editor } from '@tiptap/react';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** The text section's toolbar: bold, italic, underline, numbered and bulleted lists, each showing whether it is on. */
export function RichToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      underline: current.isActive('underline'),
      bullet: current.isActive('bulletList'),
      ordered: current.isActive('orderedList'),
    }),
  });
  const button = (key: keyof typeof active, icon: React.ReactNode, label: string, run: () => void) => (
    <Tooltip title={label} key={key}>
      <Button
        size="small"
        type={active[key] ? 'primary' : 'text'}
        icon={icon}
        aria-label={label}
        aria-pressed={active[key]}
        onMouseDown={(event) => event.preventDefault()}
        onClick={run}
      />
    </Tooltip>
  );
  return (
    <Space size={2} className="rd-rich-toolbar">
      {button('bold', <BoldOutlined />, `${t('editor.bold')} (Ctrl+B)`, () => editor.chain().focus().toggleBold().run())}
      {button('italic', <ItalicOutlined />, `${t('editor.italic')} (Ctrl+I)`, () => editor.chain().focus().toggleItalic().run())}
      {button('underline', <UnderlineOutlined />, `${t('editor.underline')} (Ctrl+U)`, () => editor.chain().focus().toggleUnderline().run())}
      {button('ordered', <OrderedListOutlined />, t('editor.orderedList'), () => editor.chain().focus().toggleOrderedList().run())}
      {button('bullet', <UnorderedListOutlined />, t('editor.bulletList'), () => editor.chain().focus().toggleBulletList().run())}
    </Space>
  );
}
