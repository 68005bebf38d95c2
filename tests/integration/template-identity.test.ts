import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../electron/api/result';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import { templateToFile } from '../../electron/core/templates/template-file';
import { fixtureSeedsDir, hashFolder, office, openTempStore } from '../helpers/temp-store';

const fixtureTemplate: Template = templateSchema.parse(JSON.parse(readFileSync(path.join(fixtureSeedsDir, 'templates', 'fixture-log.json'), 'utf8')));

function errorOf(result: Result<unknown>) {
  return result.ok ? { code: 'ok', message: '' } : result.error;
}

function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The fixture as an office template file the way someone might write it by hand (no publisher, no hash). */
function officeFile(changes: Partial<Template> = {}): string {
  return templateToFile({ ...fixtureTemplate, id: 'office-log', name: '城关工作日志', builtIn: false, ...changes });
}

/** Replace the n-th occurrence (1-based) of `find` in `text`, and return the 1-based line it is on. */
function edit(text: string, find: string, replace: string, nth = 1): { text: string; line: number } {
  let at = -1;
  for (let count = 0; count < nth; count++) at = text.indexOf(find, at + 1);
  if (at < 0) throw new Error(`${find} not found`);
  return { text: text.slice(0, at) + replace + text.slice(at + find.length), line: text.slice(0, at).split('\n').length };
}

async function importAs(profileId: string, fileName: string, text: string) {
  const store = await openTempStore({ seed: true });
  const before = await hashFolder(store.dataDir);
  const result = await store.dispatcher.dispatch('templates:import', profileId, { fileName, text });
  return { store, before, result };
}

describe('template file errors a person can act on', () => {
  it('a wrong section kind names the line, 第 N 章 with its title, and the kinds in Chinese', async () => {
    const { text, line } = edit(officeFile(), '"kind": "table"', '"kind": "tabel"');
    const { result, store, before } = await importAs(office.supervisor, '日志.rdtpl.json', text);
    const error = errorOf(result);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain(`第 ${line} 行，第 2 章“走访记录”的类型：应为以下之一："richtext"（文字）、"table"（表格）、"fields"（字段）`);
    expect(error.message).toContain('"tabel"');
    expect(error.message).not.toMatch(/sections\.|期望|expected/);
    expect(await hashFolder(store.dataDir)).toEqual(before);
  });

  it('a yes/no written in quotes says true or false without quotes', async () => {
    const { text, line } = edit(officeFile(), '"required": true', '"required": "是"', 3);
    const error = errorOf((await importAs(office.supervisor, 'a.rdtpl.json', text)).result);
    expect(error.message).toContain(`第 ${line} 行，第 1 章“今日工作”的必填：应为true 或 false（是/否，不加引号），文件中是文字 "是"`);
  });

  it('a missing comma is reported on the line that lacks it, not the next one', async () => {
    const { text, line } = edit(officeFile(), '"name": "城关工作日志",', '"name": "城关工作日志"');
    const error = errorOf((await importAs(office.supervisor, 'a.rdtpl.json', text)).result);
    expect(error.message).toMatch(new RegExp(`^a\\.rdtpl\\.json 第 ${line} 行第 \\d+ 列：缺少逗号（在这一行末尾）$`));
  });

  it('a full-width colon typed by a Chinese input method is called 全角冒号', async () => {
    const { text, line } = edit(officeFile(), '"cadence": ', '"cadence"： ');
    const error = errorOf((await importAs(office.supervisor, 'a.rdtpl.json', text)).result);
    expect(error.message).toContain(`第 ${line} 行`);
    expect(error.message).toContain('全角冒号“：”，请改为半角冒号“:”');
  });

  it('a formula error inside the file names its line and the column', async () => {
    const { text, line } = edit(officeFile(), '"formula": "库存 / 销量"', '"formula": "库存 / 进货"');
    const { result, store, before } = await importAs(office.supervisor, 'a.rdtpl.json', text);
    const error = errorOf(result);
    expect(error.message).toContain(`第 ${line} 行，第 2 章“走访记录”的第 4 列“存销比”的公式`);
    expect(error.message).toContain('进货');
    expect(await hashFolder(store.dataDir)).toEqual(before);
  });

  it('a file from a newer program asks to upgrade', async () => {
    const text = officeFile().replace('"formatVersion": 2', '"formatVersion": 9');
    const error = errorOf((await importAs(office.supervisor, 'a.rdtpl.json', text)).result);
    expect(error.message).toContain('由较新版本的报告台导出');
    expect(error.message).toContain('请先升级报告台');
  });
});

describe('a template version is its content', () => {
  it('keeps its id, version, publisher, author and time when imported; the same file again changes nothing', async () => {
    const source = await openTempStore({ seed: true });
    const copy = ok<Template>(await source.dispatcher.dispatch('templates:duplicate', office.supervisor, { id: office.templateId, name: '城关工作日志' }));
    const v2 = ok<Template>(await source.dispatcher.dispatch('templates:save', office.supervisor, { template: { ...copy, description: '第二版' }, baseVersion: 1 }));
    const file = ok<{ text: string }>(await source.dispatcher.dispatch('templates:export', office.manager, { id: copy.id }));

    const target = await openTempStore({ seed: true });
    const first = ok<{ template: Template; created: boolean }>(await target.dispatcher.dispatch('templates:import', office.supervisor, { fileName: 'a.rdtpl.json', text: file.text }));
    expect(first.created).toBe(true);
    expect(first.template).toEqual(v2);
    expect(await target.services.templates.versions(copy.id)).toEqual([2]);
    const before = await hashFolder(target.dataDir);
    const again = ok<{ created: boolean }>(await target.dispatcher.dispatch('templates:import', office.supervisor, { fileName: 'b.rdtpl.json', text: file.text }));
    expect(again.created).toBe(false);
    expect(await hashFolder(target.dataDir)).toEqual(before);
  });

  it('refuses a published version edited by hand (its hash no longer matches); nothing changes', async () => {
    const source = await openTempStore({ seed: true });
    const copy = ok<Template>(await source.dispatcher.dispatch('templates:duplicate', office.supervisor, { id: office.templateId, name: '城关工作日志' }));
    const file = ok<{ text: string }>(await source.dispatcher.dispatch('templates:export', office.supervisor, { id: copy.id }));
    const tampered = file.text.replace('"minLength": 10', '"minLength": 0');
    expect(tampered).not.toBe(file.text);
    const { result, store, before } = await importAs(office.supervisor, 'a.rdtpl.json', tampered);
    expect(errorOf(result)).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('内容与它的指纹不符：发布后被手工改动过') });
    expect(await hashFolder(store.dataDir)).toEqual(before);
  });

  it('refuses a different content under a known id and version, naming the fields that differ', async () => {
    const store = await openTempStore({ seed: true });
    ok(await store.dispatcher.dispatch('templates:import', office.supervisor, { fileName: 'a.rdtpl.json', text: officeFile() }));
    const sections = fixtureTemplate.sections.map((section) => (section.id === 'summary' ? { ...section, minLength: 0 } : section));
    const before = await hashFolder(store.dataDir);
    const result = await store.dispatcher.dispatch('templates:import', office.supervisor, {
      fileName: 'b.rdtpl.json',
      text: officeFile({ sections, createdBy: 'someone', createdAt: '2027-01-01T00:00:00.000Z' }),
    });
    const error = errorOf(result);
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('第 1 章“今日工作”的最少字数');
    expect(error.message).not.toMatch(/创建/);
    expect(await hashFolder(store.dataDir)).toEqual(before);
  });

  it('refuses a second supervisor publishing the same template id; nothing changes', async () => {
    const store = await openTempStore({ seed: true });
    ok(await store.dispatcher.dispatch('templates:import', office.supervisor, { fileName: 'a.rdtpl.json', text: officeFile() }));
    const before = await hashFolder(store.dataDir);
    const other = officeFile({ version: 2, description: '赵科长的版本', publisher: { profileId: 'sup-zhao', name: '赵科长' } });
    const error = errorOf(await store.dispatcher.dispatch('templates:import', office.supervisor, { fileName: 'b.rdtpl.json', text: other }));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('两位主管不能发布同一个模板') });
    expect(await hashFolder(store.dataDir)).toEqual(before);
  });

  it("a manager's attempt to change an office template is refused and the store is unchanged", async () => {
    const store = await openTempStore({ seed: true });
    const copy = ok<Template>(await store.dispatcher.dispatch('templates:duplicate', office.supervisor, { id: office.templateId, name: '城关工作日志' }));
    const before = await hashFolder(store.dataDir);
    const weakened = copy.sections.map((section) => ({ ...section, required: false, minLength: undefined }));
    for (const [channel, input] of [
      ['templates:save', { template: { ...copy, sections: weakened }, baseVersion: 1 }],
      ['templates:duplicate', { id: copy.id, name: '我自己的' }],
      ['templates:import', { fileName: 'a.rdtpl.json', text: templateToFile({ ...copy, version: 2, sections: weakened, contentHash: undefined }) }],
      ['templates:retire', { id: copy.id, baseVersion: 1 }],
    ] as const) {
      expect(errorOf(await store.dispatcher.dispatch(channel, office.manager, input)), channel).toMatchObject({ code: 'forbidden', message: expect.stringContaining('只有主管') });
    }
    expect(await hashFolder(store.dataDir)).toEqual(before);
  });
});
