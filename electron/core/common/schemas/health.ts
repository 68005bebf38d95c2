import { z } from 'zod';

/** A data file that failed validation and was moved aside (the store's health, as `store:problems` lists it). */
export const storeProblemSchema = z.object({ file: z.string(), movedTo: z.string(), reason: z.string(), at: z.string() }).strict();
export type StoreProblem = z.infer<typeof storeProblemSchema>;
