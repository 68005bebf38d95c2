/**
 * The desktop save dialog for exports (electron/main/save-file.ts) with a fake dialog: the name it proposes,
 * refusing foreign frames and path tricks, cancel, and a failed write reported as an error envelope.
 */
import type { IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { saveFileChannel } from '../../electron/api/channels';
import { registerSaveFileHandler, saveExportedFile, saveWithDialog, type SaveFileDependencies } from '../../electron/main/save-file';
import { isAllowedSenderUrl } from '../../electron/main/security';
import { ExportFileError } from '../../electron/store/export-file';
import { makeTempDir } from '../helpers/temp-store';
import { appPageUrl, fakeInvokeEvent, fakeIpcMain, rendererFile } from '../helpers/transports';

const data = Buffer.from('PK 导出内容').toString('base64');

function deps(choose: (options: SaveDialogOptions) => string | null, write?: SaveFileDependencies['write']) {
  const shown: SaveDialogOptions[] = [];
  const value: SaveFileDependencies = {
    showSaveDialog: async (_window, options) => {
      shown.push(options);
      const chosen = choose(options);
      return chosen ? { canceled: false, filePath: chosen } : { canceled: true, filePath: '' };
    },
    windowFor: () => null,
    isAllowedSender: (url) => isAllowedSenderUrl(url, { rendererFile }),
    defaultFolder: () => '/home/zhang/文档',
    ...(write ? { write } : {}),
  };
  return { value, shown };
}

describe('the save dialog for exports', () => {
  it('proposes the export’s name in the documents folder with a Word filter, then writes the file', async () => {
    const dir = await makeTempDir();
    const { value, shown } = deps((options) => path.join(dir, path.basename(options.defaultPath!)));
    const result = await saveExportedFile(value, fakeInvokeEvent(appPageUrl), '市场分析报告_城关片区_2026年10月_张三.docx', data);
    expect(shown[0]).toMatchObject({
      defaultPath: path.join('/home/zhang/文档', '市场分析报告_城关片区_2026年10月_张三.docx'),
      filters: [{ name: 'Word 文档', extensions: ['docx'] }, { name: '所有文件', extensions: ['*'] }],
    });
    const saved = path.join(dir, '市场分析报告_城关片区_2026年10月_张三.docx');
    expect(result).toEqual({ ok: true, value: { saved: true, path: saved } });
    expect(await readFile(saved, 'utf8')).toBe('PK 导出内容');
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('export:save: the main process writes the job’s bytes itself, with the same dialog, and remembers the file for 「打开」', async () => {
    const written: { file: string; bytes: Uint8Array }[] = [];
    const { value, shown } = deps((options) => path.join('/home/zhang/文档', path.basename(options.defaultPath!)), async (file, bytes) => {
      written.push({ file, bytes });
    });
    const saved: string[] = [];
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const outcome = await saveWithDialog({ ...value, onSaved: (file) => saved.push(file) }, null, '../文稿台账.xlsx', bytes);
    expect(shown[0]).toMatchObject({ defaultPath: path.join('/home/zhang/文档', '文稿台账.xlsx'), filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }, { name: '所有文件', extensions: ['*'] }] });
    expect(outcome).toEqual({ saved: true, path: path.join('/home/zhang/文档', '文稿台账.xlsx') });
    expect(written).toEqual([{ file: path.join('/home/zhang/文档', '文稿台账.xlsx'), bytes }]);
    expect(saved).toEqual([path.join('/home/zhang/文档', '文稿台账.xlsx')]);
  });

  it('a cancelled dialog writes nothing', async () => {
    const write = vi.fn();
    const { value } = deps(() => null, write);
    expect(await saveExportedFile(value, fakeInvokeEvent(appPageUrl), '文稿台账.xlsx', data)).toEqual({ ok: true, value: { saved: false } });
    expect(write).not.toHaveBeenCalled();
  });

  it('keeps only a plain file name from the page (no folders, no climbing out)', async () => {
    const { value, shown } = deps(() => null);
    await saveExportedFile(value, fakeInvokeEvent(appPageUrl), '../../etc/passwd', data);
    await saveExportedFile(value, fakeInvokeEvent(appPageUrl), 'C:\\Windows\\a:b.xlsx', data);
    expect(shown.map((options) => options.defaultPath)).toEqual([path.join('/home/zhang/文档', 'passwd'), path.join('/home/zhang/文档', 'a_b.xlsx')]);
  });

  it('refuses other frames and malformed arguments without showing a dialog', async () => {
    const { value, shown } = deps(() => '/tmp/x.docx');
    expect(await saveExportedFile(value, fakeInvokeEvent('https://evil.example/'), 'a.docx', data)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await saveExportedFile(value, fakeInvokeEvent(appPageUrl, {}), 'a.docx', data)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await saveExportedFile(value, fakeInvokeEvent(appPageUrl), 42, data)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(shown).toEqual([]);
  });

  it('a failed write comes back as the writer’s error (a file open in Word)', async () => {
    const { value } = deps(
      () => '/home/zhang/文档/a.docx',
      async () => {
        throw new ExportFileError('locked', '无法保存“a.docx”：该文件正被其他程序占用', 'EBUSY');
      },
    );
    expect(await saveExportedFile(value, fakeInvokeEvent(appPageUrl), 'a.docx', data)).toEqual({
      ok: false,
      error: { code: 'locked', message: '无法保存“a.docx”：该文件正被其他程序占用' },
    });
  });

  it('is registered on its own channel beside the API channels', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { value } = deps(() => null);
    registerSaveFileHandler(ipcMain, value);
    expect([...handlers.keys()]).toEqual([saveFileChannel]);
    const event = fakeInvokeEvent(appPageUrl) as IpcMainInvokeEvent;
    expect(await handlers.get(saveFileChannel)!(event, 'a.docx', data)).toEqual({ ok: true, value: { saved: false } });
  });
});
