/** The port the demo capability owns (the built-in seeds, read by the store), and the services its use cases see. */
import type { Context } from '../common/context';
import type { DemoData } from '../seeds/demo-schema';
import type { ExchangeServices } from '../exchange/ports';

export interface DemoServices extends ExchangeServices {
  /** Built-in demo data, parsed by the core schemas; null where no seeds are shipped. */
  loadDemoData(): Promise<DemoData | null>;
}

export type CallContext = Context<DemoServices>;
