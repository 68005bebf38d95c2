import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTemplateFile, templateFileFormat as coreFileFormat, templateFileVersion as coreFileVersion } from '../../electron/core/templates/template-file';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import {
  blankTemplate,
  columnFormulaProblems,
  draftSignature,
  draftToTemplate,
  evaluateSample,
  issueArea,
  moveItem,
  newColumn,
  newField,
  newSection,
  nextKey,
  nextSectionId,
  removeItem,
  renameColumnReferences,
  replaceItem,
  serverIssuePath,
  setSectionKind,
  templateFileFormat,
  templateFileText,
  templateFileVersion,
  templateToDraft,
  validateDraft,
  type DraftTable,
  type DraftTemplate,
} from '../../renderer/features/templates/template-draft';

function seed(name: string): Template {
  const url = new URL(`../../seeds/templates/${name}.json`, import.meta.url);
  return templateSchema.parse(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')));
}

const seeds = ['market-analysis', 'research', 'guidance-booklet', 'work-log'].map(seed);
const marketAnalysis = seeds[0];

function blank(): Template {
  return blankTemplate({ id: 'tpl-1', name: ' 专卖协同周报 ', now: new Date('2026-03-01T08:00:00Z'), createdBy: 'p1', sectionTitle: '一、正文', periodLabel: '报告期' });
}

function errorsOf(draft: DraftTemplate) {
  return validateDraft(draft).filter((issue) => issue.severity === 'error');
}

function table(columns: { key: string; type?: 'text' | 'decimal' | 'percent'; formula?: string }[]): DraftTable {
  return { columns: columns.map((column, index) => ({ uid: `c${index}`, label: column.key, type: 'decimal', ...column })) };
}

describe('list helpers', () => {
  it('moves an item up and down and leaves the list alone at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    const items = ['a', 'b'];
    expect(moveItem(items, 0, 1)).not.toBe(items);
    expect(items).toEqual(['a', 'b']);
  });

  it('replaces and removes by index without touching the input', () => {
    const items = ['a', 'b', 'c'];
    expect(replaceItem(items, 1, 'x')).toEqual(['a', 'x', 'c']);
    expect(removeItem(items, 0)).toEqual(['b', 'c']);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  it('generates the first free key and section id', () => {
    expect(nextKey('列', [])).toBe('列1');
    expect(nextKey('列', ['列1', '列2', '列4'])).toBe('列3');
    expect(nextSectionId(['overview', 'section-1'])).toBe('section-2');
    const field = newField('字段', [{ key: '字段1' }]);
    expect([field.key, field.label, field.type, field.required]).toEqual(['字段2', '字段2', 'text', false]);
    const column = newColumn('列', [{ key: '列1' }]);
    expect([column.key, column.type, column.decimals]).toEqual(['列2', 'decimal', 2]);
    expect(field.uid).not.toBe(column.uid);
  });
});

describe('blank template', () => {
  it('is a valid template with one rich-text section, the period field and a title pattern', () => {
    const template = blank();
    expect(templateSchema.parse(template)).toEqual(template);
    expect(template.name).toBe('专卖协同周报');
    expect(template.sections).toHaveLength(1);
    expect(template.sections[0]).toMatchObject({ kind: 'richtext', title: '一、正文', required: true });
    expect(template.metadataFields.map((field) => field.key)).toEqual(['报告期']);
    expect(template.titlePattern).toBe('{{报告期}}专卖协同周报');
    expect(template.builtIn).toBe(false);
    expect(errorsOf(templateToDraft(template))).toEqual([]);
  });

  it('serialises in the file format templates:import reads', () => {
    expect([templateFileFormat, templateFileVersion]).toEqual([coreFileFormat, coreFileVersion]);
    const template = blank();
    expect(parseTemplateFile(templateFileText(template), 'new.rdtpl.json')).toEqual(template);
  });
});

describe('draft ⇄ template', () => {
  it('round-trips every built-in template unchanged (apart from builtIn)', () => {
    for (const template of seeds) {
      const back = draftToTemplate(templateToDraft(template));
      expect(templateSchema.parse(back)).toEqual(back);
      expect(back).toEqual({ ...template, builtIn: false });
      expect(errorsOf(templateToDraft(template))).toEqual([]);
    }
  });

  it('gives list items stable uids that are never saved', () => {
    const draft = templateToDraft(marketAnalysis);
    const uids = [...draft.metadataFields.map((field) => field.uid), ...draft.sections.flatMap((section) => section.table?.columns.map((column) => column.uid) ?? [])];
    expect(new Set(uids).size).toBe(uids.length);
    expect(JSON.stringify(draftToTemplate(draft))).not.toContain('"uid"');
  });

  it('trims text, drops empty optional values and saves only the part matching a section kind', () => {
    const draft = templateToDraft(blank());
    draft.name = '  周报 ';
    draft.metadataFields.push({ uid: 'f', key: ' 片区 ', label: ' 片区 ', type: 'text', required: false, options: ['x'], source: undefined });
    const section = setSectionKind(draft.sections[0], 'table', { columnPrefix: '列', fieldPrefix: '字段' });
    section.table!.columns.push({ uid: 'c', key: '销量', label: '销量', type: 'integer', unit: ' ', formula: '  ', options: ['a'] });
    draft.sections[0] = section;
    draft.sections.push({ ...setSectionKind(newSection('section-2', '附表'), 'fields', { columnPrefix: '列', fieldPrefix: '字段' }), kind: 'richtext', starterText: '' });
    const template = draftToTemplate(draft);
    expect(template.name).toBe('周报');
    expect(template.metadataFields[1]).toEqual({ key: '片区', label: '片区', type: 'text', required: false });
    expect(template.sections[0].table?.columns[1]).toEqual({ key: '销量', label: '销量', type: 'integer' });
    expect(template.sections[1]).toEqual({ id: 'section-2', title: '附表', kind: 'richtext', guidance: '', required: false });
    expect(templateSchema.safeParse(template).success).toBe(true);
  });

  it('keeps a section’s table while its kind changes back and forth', () => {
    const tableSection = templateToDraft(marketAnalysis).sections.find((section) => section.kind === 'table')!;
    const asText = setSectionKind(tableSection, 'richtext', { columnPrefix: '列', fieldPrefix: '字段' });
    expect(asText.table).toBe(tableSection.table);
    const back = setSectionKind(asText, 'table', { columnPrefix: '列', fieldPrefix: '字段' });
    expect(back.table).toBe(tableSection.table);
    const fields = setSectionKind(newSection('s', '字段章节'), 'fields', { columnPrefix: '列', fieldPrefix: '字段' });
    expect(fields.fields?.map((field) => field.key)).toEqual(['字段1']);
  });

  it('tells an edited draft from an untouched one by content', () => {
    const draft = templateToDraft(marketAnalysis);
    const baseline = draftSignature(draft);
    expect(draftSignature(templateToDraft(marketAnalysis))).toBe(baseline);
    expect(draftSignature({ ...draft, version: 7, createdAt: 'x' })).toBe(baseline);
    expect(draftSignature({ ...draft, sections: moveItem(draft.sections, 0, 1) })).not.toBe(baseline);
  });
});

describe('validation', () => {
  it('finds empty, invalid and duplicate keys, empty labels and choices without options', () => {
    const draft = templateToDraft(blank());
    draft.name = ' ';
    draft.metadataFields = [
      { uid: 'a', key: '片区', label: '片区', type: 'text', required: true },
      { uid: 'b', key: '片区', label: '', type: 'select', required: false, options: [' '] },
      { uid: 'c', key: '1号', label: 'x', type: 'text', required: false },
      { uid: 'd', key: '', label: 'y', type: 'text', required: false },
    ];
    const issues = errorsOf(draft).map((issue) => [issue.path, issue.code]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['name', 'required'],
        ['metadataFields.0.key', 'duplicateKey'],
        ['metadataFields.1.key', 'duplicateKey'],
        ['metadataFields.1.label', 'required'],
        ['metadataFields.1.options', 'noOptions'],
        ['metadataFields.2.key', 'invalidKey'],
        ['metadataFields.3.key', 'required'],
      ]),
    );
  });

  it('warns about placeholders that are not details fields, without blocking the save', () => {
    const draft = templateToDraft(blank());
    draft.titlePattern = '{{片区}}{{报告期}}周报';
    const issues = validateDraft(draft);
    expect(issues).toEqual([{ path: 'titlePattern', code: 'unknownPlaceholder', severity: 'warning', params: { key: '片区' } }]);
  });

  it('checks table columns: duplicate keys, empty tables, formulas, a fields section without fields', () => {
    const draft = templateToDraft(marketAnalysis);
    const index = draft.sections.findIndex((section) => section.id === 'key-indicators');
    const indicators = draft.sections[index].table!;
    indicators.columns[2] = { ...indicators.columns[2], key: '本期' };
    indicators.columns[3] = { ...indicators.columns[3], formula: '(本期 - ) / 上年同期' };
    draft.sections.push({ ...newSection('section-x', '空表'), kind: 'table', table: { columns: [] } });
    draft.sections.push({ ...newSection('section-y', '字段'), kind: 'fields', fields: [] });
    const issues = errorsOf(draft);
    const at = (path: string) => issues.filter((issue) => issue.path === path).map((issue) => issue.code);
    expect(at(`sections.${index}.table.columns.1.key`)).toEqual(['duplicateKey']);
    expect(at(`sections.${index}.table.columns.2.key`)).toEqual(['duplicateKey']);
    expect(at(`sections.${index}.table.columns.3.formula`)).toEqual(['formula']);
    expect(at(`sections.${draft.sections.length - 2}.table.columns`)).toEqual(['noColumns']);
    expect(at(`sections.${draft.sections.length - 1}.fields`)).toEqual(['noFields']);
  });

  it('says which tab and section an issue path belongs to', () => {
    expect(issueArea('name')).toEqual({ area: 'basics' });
    expect(issueArea('metadataFields.2.key')).toEqual({ area: 'metadata' });
    expect(issueArea('sections.4.table.columns.1.formula')).toEqual({ area: 'sections', section: 4 });
  });
});

describe('formulas', () => {
  it('reports syntax errors, unknown columns, text columns in arithmetic and formulas on text columns', () => {
    const problems = columnFormulaProblems(
      table([
        { key: '品规', type: 'text' },
        { key: '销量' },
        { key: '库存' },
        { key: '存销比', formula: '库存 / 销量' },
        { key: 'a', formula: '库存 /' },
        { key: 'b', formula: '库存 / 月销量' },
        { key: 'c', formula: '品规 * 2' },
        { key: 'd', type: 'text', formula: '销量 * 2' },
      ]),
    );
    expect(problems.has('c3')).toBe(false);
    expect(problems.get('c4')?.[0]).toMatch(/第 \d+ 个字符/);
    expect(problems.get('c5')?.[0]).toContain('不存在的列“月销量”');
    expect(problems.get('c6')?.[0]).toContain('不是数字列');
    expect(problems.get('c7')?.[0]).toContain('文本列');
  });

  it('reports a cycle between computed columns', () => {
    const problems = columnFormulaProblems(table([{ key: 'x', formula: 'y + 1' }, { key: 'y', formula: 'x + 1' }]));
    expect([...problems.values()].flat().join()).toContain('循环引用');
  });

  it('computes a sample row with the formulas, and with values the user typed', () => {
    const indicators = templateToDraft(marketAnalysis).sections.find((section) => section.id === 'key-indicators')!.table!;
    const cells = evaluateSample(indicators);
    // 本期 120, 上年同期 100, 上期 80 → 同比 20%, 环比 50%.
    expect(cells['同比'].value).toBeCloseTo(0.2);
    expect(cells['环比'].value).toBeCloseTo(0.5);
    const typed = evaluateSample(indicators, { [indicators.columns[2].uid]: '0' });
    expect(typed['同比'].marker).toBe('div0');
  });

  it('renames references to a renamed column in formulas and starter rows', () => {
    const source: DraftTable = {
      ...table([{ key: '销量' }, { key: '库存' }, { key: '存销比', formula: '库存 / 销量 + sum(销量) * 0' }, { key: 'x', formula: '销量销量 + 1' }]),
      starterRows: [{ 销量: 1, 库存: 2 }],
    };
    source.columns[0] = { ...source.columns[0], key: '月销量' };
    const renamed = renameColumnReferences(source, '销量', '月销量');
    expect(renamed.columns[2].formula).toBe('库存 / 月销量 + sum(月销量) * 0');
    expect(renamed.columns[3].formula).toBe('销量销量 + 1');
    expect(renamed.starterRows).toEqual([{ 库存: 2, 月销量: 1 }]);
    // Nothing happens when the new key collides with another column.
    const clash = { ...source, columns: source.columns.map((column, index) => (index === 0 ? { ...column, key: '库存' } : column)) };
    expect(renameColumnReferences(clash, '销量', '库存')).toBe(clash);
  });

  it('maps the backend’s issue paths to editor paths', () => {
    expect(serverIssuePath('template.sections.2.title', marketAnalysis)).toBe('sections.2.title');
    expect(serverIssuePath('sections.1.table.同比', marketAnalysis)).toBe('sections.1.table.columns.3.formula');
    expect(serverIssuePath('sections.1.table.columns', marketAnalysis)).toBe('sections.1.table.columns');
    expect(serverIssuePath('sections.1.table.nope', marketAnalysis)).toBe('sections.1.table.columns');
  });
});

describe('starter rows', () => {
  it('keep their rows but only cells of input columns, so documents made from the template can be saved', () => {
    const draft = templateToDraft(marketAnalysis);
    const indicators = draft.sections.find((section) => section.id === 'key-indicators')!;
    const table = indicators.table!;
    table.starterRows = [{ 指标: '销量（箱）', 本期: 1, 同比: 0.1, 旧列: 'x' }, {}];
    table.columns = table.columns.map((column) => (column.key === '本期' ? { ...column, formula: '上期 * 2' } : column));
    const saved = draftToTemplate(draft).sections.find((section) => section.id === 'key-indicators')!.table!;
    expect(saved.starterRows).toEqual([{ 指标: '销量（箱）' }, {}]);
  });
});

describe('references the editor does not show', () => {
  const booklet = seeds[2];

  it('built-in templates have no warnings', () => {
    for (const template of seeds) expect(validateDraft(templateToDraft(template))).toEqual([]);
  });

  it('warns when the subject field or a carried-forward section is gone, and keeps both properties', () => {
    expect(booklet.subjectKey).toBeTruthy();
    const draft = templateToDraft(booklet);
    const carrying = draft.sections.findIndex((section) => section.carryForwardFrom);
    const source = draft.sections.findIndex((section) => section.id === draft.sections[carrying].carryForwardFrom);
    draft.metadataFields = draft.metadataFields.map((field) => (field.key === booklet.subjectKey ? { ...field, key: '许可证编号' } : field));
    const edited = { ...draft, sections: removeItem(draft.sections, source) };
    const warnings = validateDraft(edited).map((issue) => [issue.path, issue.code, issue.severity]);
    expect(warnings).toEqual([
      ['metadataFields', 'subjectKeyMissing', 'warning'],
      [`sections.${carrying - 1}.carryForwardFrom`, 'carryForwardMissing', 'warning'],
    ]);
    const saved = draftToTemplate(edited);
    expect(saved.subjectKey).toBe(booklet.subjectKey);
    expect(saved.sections[carrying - 1].carryForwardFrom).toBe(booklet.sections[carrying].carryForwardFrom);
  });
});
