import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { changeEventChannel, channelNames } from '../api/channels';
import type { Dispatcher } from '../api/dispatcher';
import { failCoded } from '../api/result';
import { ProfileSessions } from '../api/sessions';

/**
 * One `ipcMain.handle` per channel, all into the dispatcher. Messages from any frame other than the app's
 * own main frame are refused. The main process owns each window's active profile (`ProfileSessions`, keyed by
 * the window's webContents): a call acts as its window's profile, and one naming another profile is refused.
 */
export function registerIpcTransport(
  ipcMain: IpcMain,
  dispatcher: Dispatcher,
  isAllowedSender: (url: string | undefined) => boolean,
): ProfileSessions {
  const sessions = new ProfileSessions(dispatcher);
  const watched = new WeakSet<object>();
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, profileId: unknown, input: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAllowedSender(frame.url)) {
        return failCoded('forbidden', 'transport.unknownPage');
      }
      const sender = event.sender;
      const session = `webContents:${sender.id}`;
      if (!watched.has(sender)) {
        watched.add(sender);
        // A closed window's profile is forgotten; a reload keeps it (the same webContents).
        sender.once?.('destroyed', () => sessions.end(session));
      }
      return sessions.dispatch(session, channel, typeof profileId === 'string' ? profileId : null, input);
    });
  }
  return sessions;
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
