import { z } from 'zod';

/** What loading the sample office added, and what it skipped because it was there already. */
export const demoLoadResultSchema = z.object({ profiles: z.number().int(), reports: z.number().int(), skipped: z.number().int() }).strict();
export type DemoLoadResult = z.infer<typeof demoLoadResultSchema>;
