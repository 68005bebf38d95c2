/**
 * What importing a decoded package would do on this machine, checked against what is here: keys against the
 * trust store and local profiles, records and revisions against their local copies (same id, same content),
 * references (comments, revisions, templates) against the merged whole, and each document's new state.
 * Pure reading: the plan is what preview shows and what apply writes.
 */
import type { Profile } from '../common/schemas/profile';
import type { CallContext } from './ports';
import { arrivalOf } from '../templates/identity';
import type { Template } from '../common/schemas/template';
import { refuse } from './errors';
import type { DecodedPackage } from './package';
import { planDocument, type DocumentPlan, type Services } from './plan-document';
import { trustedAsSupervisor, type ExchangeConflict, type PackageKind, type Person, type PersonView, type TrustEntry } from './schema';

export { derivedStatus, type DocumentEffect, type DocumentPlan } from './plan-document';

export type { KeyStatus, PersonView } from './schema';

export interface TemplatePlan {
  template: Template;
  status: 'new' | 'known' | 'builtin-differs';
}

export interface ImportPlan {
  decoded: DecodedPackage;
  kind: PackageKind;
  sender: PersonView;
  people: PersonView[];
  /** Keys seen for the first time, trusted when the import is confirmed. */
  newPeople: Person[];
  templates: TemplatePlan[];
  documents: DocumentPlan[];
  /** Documents in a review package meant for other managers, left alone. */
  ignoredDocuments: number;
  conflicts: ExchangeConflict[];
}


/** Who may import what: submissions go to a supervisor, reviews to one of the manager recipients. */
function checkImporter(profile: Profile, manifest: DecodedPackage['manifest']): void {
  if (manifest.kind === 'submissions' && profile.role !== 'supervisor') {
    throw refuse('wrong-importer-role', 'exchangeImport.submissionsToManager', { sender: manifest.sender.name, name: profile.name }, 'forbidden');
  }
  if (manifest.kind === 'reviews') {
    if (profile.role !== 'manager') {
      throw refuse('wrong-importer-role', 'exchangeImport.reviewsToSupervisor', { sender: manifest.sender.name, name: profile.name }, 'forbidden');
    }
    if (manifest.recipients.length && !manifest.recipients.some((recipient) => recipient.profileId === profile.id)) {
      const names = manifest.recipients.map((recipient) => recipient.name).join('、');
      throw refuse('not-for-you', 'exchangeImport.notForYou', { names, name: profile.name }, 'forbidden');
    }
  }
}

interface PeopleCheck {
  trusted: Map<string, TrustEntry>;
  views: Map<string, PersonView>;
  newPeople: Person[];
}

/** Keys: a local profile's must be this machine's; a known person's must be the one first seen. */
async function checkKeys(services: Services, decoded: DecodedPackage): Promise<PeopleCheck> {
  const trusted = new Map<string, TrustEntry>((await services.exchange.trusted()).map((entry) => [entry.profileId, entry]));
  const views = new Map<string, PersonView>();
  const newPeople: Person[] = [];
  for (const person of decoded.people.values()) {
    const fingerprint = services.signer.fingerprint(person.publicKey);
    const local = await services.profiles.get(person.profileId);
    const base = { profileId: person.profileId, name: person.name, role: person.role, unit: person.unit, fingerprint };
    if (local) {
      const key = await services.signer.existingKey(person.profileId);
      if (key !== person.publicKey || local.role !== person.role) {
        throw refuse(
          'local-key-mismatch',
          'exchangeImport.localKeyMismatch',
          { name: person.name, local: local.name, fingerprint },
          'conflict',
        );
      }
      views.set(person.profileId, { ...base, known: 'local' });
      continue;
    }
    const entry = trusted.get(person.profileId);
    if (entry) {
      if (entry.publicKey !== person.publicKey) {
        throw refuse(
          'trusted-key-mismatch',
          'exchangeImport.trustedKeyMismatch',
          { name: person.name, firstSeen: entry.firstSeen.slice(0, 10), known: entry.fingerprint, fingerprint },
          'conflict',
        );
      }
      views.set(person.profileId, { ...base, known: 'trusted', firstSeen: entry.firstSeen });
      continue;
    }
    views.set(person.profileId, { ...base, known: 'new' });
    newPeople.push(person);
  }
  return { trusted, views, newPeople };
}

/** Impersonation: the name of someone this machine knows (a local profile, a trusted person) with another key. */
async function checkImpersonation(services: Services, decoded: DecodedPackage, { trusted, views }: PeopleCheck): Promise<void> {
  const localProfiles = await services.profiles.list();
  for (const person of decoded.people.values()) {
    if (views.get(person.profileId)?.known === 'local') continue;
    const fingerprint = services.signer.fingerprint(person.publicKey);
    const local = localProfiles.find((item) => item.name === person.name && item.id !== person.profileId);
    const known = [...trusted.values()].find((entry) => entry.name === person.name && entry.publicKey !== person.publicKey);
    if (local || known) {
      throw refuse(
        'impersonation',
        local ? 'exchangeImport.impersonatesLocal' : 'exchangeImport.impersonatesTrusted',
        local
          ? { name: person.name, role: person.role, fingerprint, local: local.name, localRole: local.role }
          : { name: person.name, role: person.role, fingerprint, known: known!.name, knownRole: known!.role, knownFingerprint: known!.fingerprint },
        'conflict',
      );
    }
  }
}

/**
 * Supervisors are pinned, not introduced: a supervisor's record (decision, grade, comment …) is accepted only
 * from a key this machine trusts as a supervisor — a local supervisor, a supervisor trusted from their own
 * package or by a fingerprint check, the sender of this (review) package, or one whose fingerprint the person
 * importing confirms now. Never one vouched for by a manager's submission package.
 */
function supervisorPin(manifest: DecodedPackage['manifest'], { trusted, views }: PeopleCheck, confirmSupervisors: string[] | undefined) {
  const confirmed = new Set(confirmSupervisors ?? []);
  return (person: Person): boolean => {
    const view = views.get(person.profileId)!;
    if (person.role !== 'supervisor') return false;
    if (view.known === 'local') return true;
    if (view.known === 'trusted') return trustedAsSupervisor(trusted.get(person.profileId)!) || confirmed.has(view.fingerprint);
    return (manifest.kind === 'reviews' && person.profileId === manifest.sender.profileId) || confirmed.has(view.fingerprint);
  };
}

/** Templates: an id and version means one content everywhere. */
async function planTemplates(services: Services, decoded: DecodedPackage): Promise<{ templates: TemplatePlan[]; conflicts: ExchangeConflict[] }> {
  const templates: TemplatePlan[] = [];
  const conflicts: ExchangeConflict[] = [];
  for (const template of decoded.templates) {
    // Same id and version means the same content (hash over what defines it, not who stored it or when).
    const status = await arrivalOf(services, template);
    templates.push({ template, status });
    if (status === 'builtin-differs') {
      conflicts.push({
        docId: '',
        title: template.name,
        kind: 'template',
        message: `内置模板“${template.name}” v${template.version} 与对方的不完全相同（可能程序版本不同），本机沿用自己的版本`,
      });
    }
  }
  return { templates, conflicts };
}

/**
 * Check a decoded package against this machine and work out what importing it would do. Throws a refusal
 * for anything that cannot be merged without losing or faking something.
 */
export async function planImport(
  ctx: CallContext,
  profile: Profile,
  decoded: DecodedPackage,
  options: { confirmSupervisors?: string[] } = {},
): Promise<ImportPlan> {
  const { manifest } = decoded;
  const services = ctx.services;
  checkImporter(profile, manifest);
  const people = await checkKeys(services, decoded);
  await checkImpersonation(services, decoded, people);
  const pinnedSupervisor = supervisorPin(manifest, people, options.confirmSupervisors);
  const { templates, conflicts } = await planTemplates(services, decoded);
  const packageTemplates = new Set(decoded.templates.map((template) => `${template.id}@${template.version}`));

  const documents: DocumentPlan[] = [];
  let ignoredDocuments = 0;
  for (const [docId, content] of [...decoded.documents].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const plan = await planDocument(services, profile, decoded, docId, content, packageTemplates, pinnedSupervisor);
    if (!plan) {
      ignoredDocuments++;
      continue;
    }
    conflicts.push(...plan.conflicts);
    documents.push(plan);
  }

  const sender = people.views.get(manifest.sender.profileId)!;
  return {
    decoded,
    kind: manifest.kind,
    sender,
    people: [...people.views.values()].filter((person) => person.profileId !== sender.profileId),
    newPeople: people.newPeople,
    templates,
    documents,
    ignoredDocuments,
    conflicts,
  };
}
