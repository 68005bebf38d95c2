import { z } from 'zod';

export const roleSchema = z.enum(['manager', 'supervisor']);
export type Role = z.infer<typeof roleSchema>;

export const profileSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().trim().min(1).max(40),
    role: roleSchema,
    /** 片区 for a manager, 部门 for a supervisor. */
    unit: z.string().trim().max(60),
    createdAt: z.string(),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;

export const newProfileSchema = profileSchema
  .pick({ name: true, role: true, unit: true })
  .extend({
    /** A supervisor's passphrase, protecting their signing key (required for supervisors). */
    passphrase: z.string().max(200).optional(),
    /** Confirms a profile with the name and role of someone this machine already trusts is another person. */
    confirmSameName: z.boolean().optional(),
  })
  .strict();
export type NewProfile = z.infer<typeof newProfileSchema>;
