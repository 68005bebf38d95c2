import { z } from 'zod';
import { profileSchema } from '../common/schemas/profile';
import { reportSchema } from '../common/schemas/report';

/**
 * The demo office shipped in `seeds/demo/demo.json`: a few customer managers and a supervisor, and
 * documents of every kind and status written by the managers, so a fresh install has something to show.
 * Cross-references are checked here so a broken seed fails loudly instead of showing orphan documents.
 */
export const demoDataSchema = z
  .object({
    profiles: z.array(profileSchema).min(1),
    reports: z.array(reportSchema),
  })
  .strict()
  .superRefine((demo, ctx) => {
    const profileIds = new Set<string>();
    demo.profiles.forEach((profile, index) => {
      if (profileIds.has(profile.id)) {
        ctx.addIssue({ code: 'custom', path: ['profiles', index, 'id'], message: `用户编号重复：${profile.id}` });
      }
      profileIds.add(profile.id);
    });
    const reportIds = new Set<string>();
    demo.reports.forEach((report, index) => {
      if (reportIds.has(report.id)) {
        ctx.addIssue({ code: 'custom', path: ['reports', index, 'id'], message: `文档编号重复：${report.id}` });
      }
      reportIds.add(report.id);
      const author = demo.profiles.find((profile) => profile.id === report.authorId);
      if (!author) {
        ctx.addIssue({ code: 'custom', path: ['reports', index, 'authorId'], message: `作者不存在：${report.authorId}` });
      } else if (author.name !== report.authorName) {
        ctx.addIssue({ code: 'custom', path: ['reports', index, 'authorName'], message: `作者姓名与用户不符：${report.authorName}` });
      }
    });
  });
export type DemoData = z.infer<typeof demoDataSchema>;
