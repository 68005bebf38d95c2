import { contextBridge, ipcRenderer } from 'electron';
import { changeEventChannel, channelNames, saveFileChannel } from '../api/channels';

type Invoke = (profileId: string | null, input: unknown) => Promise<unknown>;

/** One method per channel; nothing else of Node or Electron reaches the page. */
const channels: Record<string, Invoke> = {};
for (const channel of channelNames) {
  channels[channel] = (profileId, input) => ipcRenderer.invoke(channel, profileId, input);
}

/** The desktop save dialog for an exported file; the only call that is not an API channel. */
const saveFile = (defaultName: string, dataBase64: string) => ipcRenderer.invoke(saveFileChannel, defaultName, dataBase64);

/**
 * .rdpkg files opened with a double-click (or handed over by a second start): the page registers one listener,
 * which tells the main process it may send what arrived before the page was ready.
 */
const onOpenPackage = (listener: (message: unknown) => void) => {
  ipcRenderer.removeAllListeners('app:open-package');
  ipcRenderer.on('app:open-package', (_event, message: unknown) => listener(message));
  ipcRenderer.send('app:open-package-ready');
};

/** Documents changed by any window: the listener gets `{ docId, rev?, channel }`; returns the unsubscribe function. */
const onChange = (listener: (event: unknown) => void) => {
  const handler = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(changeEventChannel, handler);
  return () => {
    ipcRenderer.removeListener(changeEventChannel, handler);
  };
};

contextBridge.exposeInMainWorld('reportdesk', { transport: 'ipc', channels, saveFile, onOpenPackage, onChange });
