import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../api/channels';
import type { Dispatcher } from '../api/dispatcher';
import { fail } from '../api/result';

/**
 * One `ipcMain.handle` per channel, all into the dispatcher. Messages from any frame other than the app's
 * own main frame are refused.
 */
export function registerIpcTransport(
  ipcMain: IpcMain,
  dispatcher: Dispatcher,
  isAllowedSender: (url: string | undefined) => boolean,
): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, profileId: unknown, input: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAllowedSender(frame.url)) {
        return fail('forbidden', '拒绝来自未知页面的请求');
      }
      return dispatcher.dispatch(channel, typeof profileId === 'string' ? profileId : null, input);
    });
  }
}
