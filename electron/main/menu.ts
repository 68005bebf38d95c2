import type { MenuItemConstructorOptions } from 'electron';

/** The application menu in Chinese; roles keep the platform's standard behaviour and shortcuts. */
export function menuTemplate(isMac: boolean, devTools = false): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ label: '报告台', submenu: [{ role: 'about' as const, label: '关于报告台' }, { role: 'quit' as const, label: '退出' }] }] : []),
    {
      label: '文件',
      submenu: [isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        ...(devTools ? [{ role: 'toggleDevTools' as const, label: '开发者工具' }] : []),
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    { label: '窗口', submenu: [{ role: 'minimize', label: '最小化' }] },
  ];
}
