import { z } from 'zod';

/** A manager on a supervisor's roster: a local profile, or someone met through packages (`remote`). */
export const rosterEntrySchema = z.object({ id: z.string(), name: z.string(), unit: z.string(), remote: z.boolean() }).strict();
export type RosterEntry = z.infer<typeof rosterEntrySchema>;
