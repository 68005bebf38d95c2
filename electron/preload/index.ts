import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../api/channels';

type Invoke = (profileId: string | null, input: unknown) => Promise<unknown>;

/** One method per channel; nothing else of Node or Electron reaches the page. */
const channels: Record<string, Invoke> = {};
for (const channel of channelNames) {
  channels[channel] = (profileId, input) => ipcRenderer.invoke(channel, profileId, input);
}

contextBridge.exposeInMainWorld('reportdesk', { transport: 'ipc', channels });
