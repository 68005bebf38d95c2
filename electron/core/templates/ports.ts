/** The port the templates capability owns (implemented by the store), and the services its use cases see. */
import type { Context, CommonServices } from '../common/context';
import type { Template, TemplateSummary } from '../common/schemas/template';

/** Template versions: built-in ones are read-only, every save of a user template is a new version. */
export interface TemplateRepository {
  /** Latest version of every template. */
  listLatest(): Promise<TemplateSummary[]>;
  /** A given version, or the latest when version is omitted. */
  get(id: string, version?: number): Promise<Template | null>;
  versions(id: string): Promise<number[]>;
  /** Store a new user template version; refuses to overwrite an existing version. */
  saveVersion(template: Template): Promise<void>;
}


export interface TemplatesServices extends CommonServices {
  templates: TemplateRepository;
}

export type CallContext = Context<TemplatesServices>;
