/**
 * docx 9 serialises every element's attributes (`NextAttributeComponent.prepForXml`) by folding them into a
 * new object per attribute with Babel's object-spread helper: quadratic in the attribute count, and at five
 * attributes per run's fonts about a fifth of a 500-page export (docs/benchmarks.md). `fastAttributes`
 * replaces it with one loop that builds the same object — the same keys in the same order, a later duplicate
 * key overriding an earlier one in place, undefined values left out — so docx writes the same bytes
 * (tests/integration/export-word.test.ts compares document.xml with and without it).
 */
import { NextAttributeComponent } from 'docx';

type AttributeRoot = Record<string, { key: string; value: unknown }>;
type PrepForXml = (this: { root: AttributeRoot }, context: unknown) => { _attr: Record<string, unknown> };

const prototype = NextAttributeComponent.prototype as unknown as { prepForXml: PrepForXml };
const original = prototype.prepForXml;

const fast: PrepForXml = function prepForXml(this: { root: AttributeRoot }) {
  const attributes: Record<string, unknown> = {};
  for (const entry of Object.values(this.root)) {
    if (entry.value !== undefined) attributes[entry.key] = entry.value;
  }
  return { _attr: attributes };
};

/** Use the single-loop serialisation (`true`, the default once this module loads) or docx's own. */
export function fastAttributes(on: boolean): void {
  prototype.prepForXml = on ? fast : original;
}

fastAttributes(true);
