import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateTable } from '../../electron/core/common/formula';
import { titleFor } from '../../electron/core/reports/new-report';
import type { Report, RichNode } from '../../electron/core/common/schemas/report';
import { demoDataSchema } from '../../electron/core/seeds/demo-schema';
import { richTextToPlain, visibleLength } from '../../electron/core/common/text/rich-text';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8'));
}

const demo = demoDataSchema.parse(readJson('../../seeds/demo/demo.json'));
// Every shipped version of the built-ins: version 1 and the version 2 with the county office's figures.
const templates = new Map<string, Template>(
  ['market-analysis', 'research', 'guidance-booklet', 'work-log'].flatMap((name) =>
    [`${name}.json`, `${name}-v2.json`].map((file) => {
      const template = templateSchema.parse(readJson(`../../seeds/templates/${file}`));
      return [`${template.id}@${template.version}`, template] as const;
    }),
  ),
);

function templateOf(report: Report): Template {
  const template = templates.get(`${report.templateId}@${report.templateVersion}`);
  if (!template) throw new Error(`${report.id}: unknown template ${report.templateId} v${report.templateVersion}`);
  return template;
}

function nodes(node: RichNode): RichNode[] {
  return [node, ...(node.content ?? []).flatMap(nodes)];
}

function richText(report: Report, sectionId: string): string {
  const content = report.sections[sectionId];
  return content?.type === 'richtext' ? richTextToPlain(content.doc) : '';
}

describe('seeds/demo/demo.json', () => {
  it('has four managers and a supervisor', () => {
    const managers = demo.profiles.filter((profile) => profile.role === 'manager');
    expect(managers.map((profile) => `${profile.name} ${profile.unit}`)).toEqual([
      '张伟 城关片区',
      '李娜 城东片区',
      '王强 城西片区',
      '刘洋 乡镇一片区',
    ]);
    expect(demo.profiles.filter((profile) => profile.role === 'supervisor').map((profile) => profile.name)).toEqual(['陈主任']);
  });

  it('covers every kind of document and every status', () => {
    expect(demo.reports.length).toBeGreaterThanOrEqual(14);
    expect(new Set(demo.reports.map((report) => report.kind))).toEqual(
      new Set(['market-analysis', 'research', 'guidance-booklet', 'work-log']),
    );
    expect(new Set(demo.reports.map((report) => report.status))).toEqual(new Set(['draft', 'submitted', 'returned', 'approved']));
    for (const kind of ['market-analysis', 'guidance-booklet', 'work-log']) {
      const statuses = new Set(demo.reports.filter((report) => report.kind === kind).map((report) => report.status));
      expect(statuses.size, kind).toBe(4);
    }
  });

  it('carries a retailer’s guidance booklet from one month to the next', () => {
    const booklets = demo.reports.filter((report) => report.kind === 'guidance-booklet' && report.metadata['许可证号'] === '341122100358');
    expect(booklets.map((report) => report.period)).toEqual(['2026-10', '2026-11']);
    expect(richText(booklets[1], 'follow-up')).toContain('已落实');
  });

  describe.each(demo.reports.map((report) => [report.title, report] as const))('%s', (_title, report) => {
    const template = templateOf(report);
    const author = demo.profiles.find((profile) => profile.id === report.authorId);

    it('belongs to its template, its author and its period', () => {
      expect(report.templateVersion).toBe(template.version);
      expect(report.kind).toBe(template.kind);
      expect(report.rev).toBe(1);
      expect(author?.role).toBe('manager');
      expect(report.authorName).toBe(author?.name);
      expect(report.region).toBe(author?.unit);
      expect(report.metadata['片区']).toBe(author?.unit);
      expect(report.metadata['客户经理']).toBe(author?.name);
      expect(report.period).toBe(report.metadata['报告期']);
      expect(report.period).toMatch(template.cadence === 'daily' ? /^2026-\d{2}-\d{2}$/ : /^2026-\d{2}$/);
      expect(report.title).toBe(titleFor(template, report.metadata));
      expect(Date.parse(report.createdAt)).toBeLessThanOrEqual(Date.parse(report.updatedAt));
    });

    it('fills exactly the template’s metadata fields with valid values', () => {
      expect(Object.keys(report.metadata).sort()).toEqual(template.metadataFields.map((field) => field.key).sort());
      for (const field of template.metadataFields) {
        const value = report.metadata[field.key];
        if (value === '') continue;
        if (field.type === 'select') expect(field.options, field.key).toContain(value);
        if (field.type === 'number') expect(value, field.key).toMatch(/^\d+$/);
        if (field.type === 'date') expect(value, field.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (field.type === 'month') expect(value, field.key).toMatch(/^\d{4}-\d{2}$/);
      }
    });

    it('has every section of the template with the matching content type', () => {
      expect(Object.keys(report.sections)).toEqual(template.sections.map((section) => section.id));
      for (const section of template.sections) {
        const content = report.sections[section.id];
        expect(content.type, section.id).toBe(section.kind);
        if (content.type === 'richtext') {
          expect(content.doc.type).toBe('doc');
          for (const node of nodes(content.doc)) {
            if (node.type === 'text') expect(node.text?.length, section.id).toBeGreaterThan(0);
          }
        }
        if (content.type === 'table' && section.table) {
          const inputKeys = new Set(section.table.columns.filter((column) => !column.formula).map((column) => column.key));
          const ids = content.rows.map((row) => row.id);
          expect(new Set(ids).size, section.id).toBe(ids.length);
          for (const row of content.rows) {
            expect(row.id).toMatch(/^r\d+$/);
            for (const key of Object.keys(row.cells)) expect(inputKeys.has(key), `${section.id}.${key}`).toBe(true);
            for (const column of section.table.columns.filter((entry) => entry.options)) {
              const value = row.cells[column.key];
              if (value !== undefined && value !== '') expect(column.options, `${section.id}.${column.key}`).toContain(value);
            }
          }
          // Every number in the demo must read as a number: no formula may end in an error.
          const evaluated = evaluateTable(section.table, content.rows);
          for (const cells of [...evaluated.rows.map((row) => row.cells), evaluated.totals]) {
            for (const [key, cell] of Object.entries(cells)) expect(cell.marker, `${section.id}.${key}`).not.toBe('error');
          }
        }
        if (content.type === 'fields') {
          const keys = new Set(section.fields?.map((field) => field.key));
          for (const key of Object.keys(content.values)) expect(keys.has(key), `${section.id}.${key}`).toBe(true);
        }
      }
    });

    it.runIf(report.status !== 'draft')('is complete enough to have been submitted', () => {
      for (const field of template.metadataFields.filter((entry) => entry.required)) {
        expect(report.metadata[field.key], field.key).not.toBe('');
      }
      for (const section of template.sections) {
        const content = report.sections[section.id];
        if (section.kind === 'richtext') {
          const length = visibleLength(richText(report, section.id));
          if (section.required) expect(length, section.id).toBeGreaterThan(0);
          if (section.minLength && (section.required || length > 0)) expect(length, section.id).toBeGreaterThanOrEqual(section.minLength);
          expect(richText(report, section.id), section.id).not.toMatch(/\{\{|（ ）/);
        }
        if (section.kind === 'table' && content.type === 'table') {
          const filled = content.rows.filter((row) => Object.values(row.cells).some((value) => value !== null && String(value).trim() !== ''));
          expect(filled.length, section.id).toBeGreaterThanOrEqual(Math.max(section.required ? 1 : 0, section.table?.minRows ?? 0));
        }
      }
    });
  });

  it('uses bold text and bullet lists somewhere, as writers do', () => {
    const all = demo.reports.flatMap((report) =>
      Object.values(report.sections).flatMap((content) => (content.type === 'richtext' ? nodes(content.doc) : [])),
    );
    expect(all.some((node) => node.marks?.some((mark) => mark.type === 'bold'))).toBe(true);
    expect(all.some((node) => node.type === 'bulletList')).toBe(true);
  });

  it('never repeats an analysis passage word for word between documents', () => {
    const seen = new Map<string, string>();
    for (const report of demo.reports) {
      for (const section of templateOf(report).sections.filter((entry) => entry.analysis)) {
        const text = richText(report, section.id);
        if (visibleLength(text) < 50) continue;
        expect(seen.get(text), `${report.id}/${section.id}`).toBeUndefined();
        seen.set(text, `${report.id}/${section.id}`);
      }
    }
  });
});
