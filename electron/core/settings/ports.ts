/** The port the settings capability owns (implemented by the store), and the services its use cases see. */
import type { Context, CommonServices } from '../common/context';
import type { Settings } from './schema';

export interface SettingsRepository {
  get(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}


export interface SettingsServices extends CommonServices {
  settings: SettingsRepository;
}

export type CallContext = Context<SettingsServices>;
