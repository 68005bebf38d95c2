import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { changeEventChannel, channelNames } from '../api/channels';
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

/** Something that can receive a message: each window's webContents. */
export interface ChangeReceiver {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * Every document change (from any window's call) goes to every open window, so a second window on the same
 * document learns at once that it changed. Returns the unsubscribe function.
 */
export function forwardChangeEvents(dispatcher: Dispatcher, receivers: () => ChangeReceiver[]): () => void {
  return dispatcher.onChange((event) => {
    for (const receiver of receivers()) {
      if (!receiver.isDestroyed()) receiver.send(changeEventChannel, event);
    }
  });
}
