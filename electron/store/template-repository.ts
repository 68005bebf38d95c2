import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TemplateRepository } from '../core/services';
import { templateSchema, type Template, type TemplateSummary } from '../core/common/schemas/template';
import type { Quarantine } from './quarantine';
import { assertSafeId } from './safe-id';
import { readFolder } from './small-repositories';
import { CorruptFileError, readDocument, writeDocument } from './validated-file';
import { coded } from '../core/common/messages';

function summaryOf(template: Template): TemplateSummary {
  return {
    id: template.id,
    version: template.version,
    name: template.name,
    kind: template.kind,
    cadence: template.cadence,
    builtIn: template.builtIn,
    description: template.description,
    sectionCount: template.sections.length,
    publisher: template.publisher,
    retired: template.retired,
  };
}

/**
 * Built-in templates come read-only from `seeds/templates`; user templates live under
 * `templates/<id>/v<version>.json`, one immutable file per version.
 */
export class FileTemplateRepository implements TemplateRepository {
  private readonly folder: string;
  private readonly versionsById = new Map<string, Map<number, Template>>();

  private constructor(dataDir: string) {
    this.folder = path.join(dataDir, 'templates');
  }

  static async open(dataDir: string, builtIns: Template[], quarantine: Quarantine): Promise<FileTemplateRepository> {
    const repository = new FileTemplateRepository(dataDir);
    for (const template of builtIns) repository.remember(template);
    await mkdir(repository.folder, { recursive: true });
    for (const id of await readdir(repository.folder)) {
      const folder = path.join(repository.folder, id);
      if (!(await stat(folder)).isDirectory()) continue;
      for (const template of await readFolder(folder, templateSchema, quarantine)) {
        if (template.builtIn) continue;
        repository.remember(template);
      }
    }
    return repository;
  }

  private remember(template: Template): void {
    const versions = this.versionsById.get(template.id) ?? new Map<number, Template>();
    versions.set(template.version, template);
    this.versionsById.set(template.id, versions);
  }

  async listLatest(): Promise<TemplateSummary[]> {
    const summaries: TemplateSummary[] = [];
    for (const versions of this.versionsById.values()) {
      const latest = Math.max(...versions.keys());
      summaries.push(summaryOf(versions.get(latest)!));
    }
    return summaries;
  }

  async get(id: string, version?: number): Promise<Template | null> {
    const versions = this.versionsById.get(id);
    if (!versions) return null;
    return versions.get(version ?? Math.max(...versions.keys())) ?? null;
  }

  async versions(id: string): Promise<number[]> {
    return [...(this.versionsById.get(id)?.keys() ?? [])].sort((a, b) => a - b);
  }

  async saveVersion(template: Template): Promise<void> {
    if (template.builtIn) throw coded('forbidden', 'template.builtInReadOnly');
    const file = path.join(this.folder, assertSafeId(template.id), `v${template.version}.json`);
    if (this.versionsById.get(template.id)?.has(template.version)) {
      throw coded('conflict', 'template.versionExists', { version: template.version });
    }
    try {
      if (await readDocument(file, templateSchema)) throw coded('conflict', 'template.versionExists', { version: template.version });
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
    }
    await writeDocument(file, templateSchema, template);
    this.remember(template);
  }
}
