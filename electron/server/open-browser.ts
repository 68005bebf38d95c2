import { spawn } from 'node:child_process';

/** Open a URL in the user's browser where there is a desktop; silently do nothing elsewhere (CI, SSH). */
export function openBrowser(url: string): boolean {
  const platform = process.platform;
  let command: string;
  let args: string[];
  if (platform === 'win32') {
    command = 'cmd';
    args = ['/c', 'start', '""', url];
  } else if (platform === 'darwin') {
    command = 'open';
    args = [url];
  } else {
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
    command = 'xdg-open';
    args = [url];
  }
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
