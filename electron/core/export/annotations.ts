// The claim set as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): one
// AnnotationCollection whose one page holds an annotation per evidence link (motivation
// `assessing`: the passage weighed against a claim) and one per passage no evidence uses
// (`highlighting`). Every key is a term of the W3C context (http://www.w3.org/ns/anno.jsonld), so
// the file expands to the oa:, dcterms: and as: vocabularies with nothing the desk made up; the
// desk's own data (stance, credibility, attribution) rides in TextualBodies with W3C purposes.
// Selectors are the set's as they are: positions already count Unicode code points.
import { createHash } from 'node:crypto';
import type { ExportFile } from '../../../shared/api/sets.ts';
import type { ClaimSet, SetEvidence, SetPassage } from '../../../shared/claim-set.ts';
import {
  credibilityWords,
  indexSet,
  plural,
  reliabilityWords,
  type SetIndex,
} from './set-index.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

interface TextualBody {
  id?: string;
  type: 'TextualBody';
  purpose: 'describing' | 'tagging' | 'assessing' | 'commenting' | 'identifying';
  value: string;
  format: 'text/plain';
}

/**
 * A UUID (RFC 9562 version 8, name-based) for something the set names but gives no id: the
 * same export gives the same id, so two exports of one desk at one time agree.
 */
export function derivedUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const text = (purpose: TextualBody['purpose'], value: string, id?: string): TextualBody => ({
  ...(id ? { id } : {}),
  type: 'TextualBody',
  purpose,
  value,
  format: 'text/plain',
});

/** The target: the passage's text as a SpecificResource of its report's text (`urn:sha256:`). */
const targetOf = (passage: SetPassage) => ({
  type: 'SpecificResource',
  source: passage.target.source,
  selector: passage.target.selector.map((s) => ({ ...s })),
});

/** Who the passage is attributed to, and how reliable: a body an editor can read. */
function attribution(index: SetIndex, passage: SetPassage): TextualBody | null {
  const source = passage.source ? index.source(passage.source) : undefined;
  const report = index.report(passage.report);
  if (source)
    return text(
      'identifying',
      `Attributed to ${source.name} (${source.kind === 'outlet' ? 'the outlet' : `named in ${source.outlet}`}), reliability ${reliabilityWords(source.reliability)}`,
    );
  if (report?.outlet) return text('identifying', `The outlet speaks: ${report.outlet}`);
  return null;
}

const ORPHANED =
  'Orphaned: this quote no longer stands in its report’s current text; the selectors are on the text it was placed in.';

function assessing(
  index: SetIndex,
  evidence: SetEvidence,
  creator: { type: 'Person'; name: string },
): Record<string, unknown> | null {
  const claim = index.claim(evidence.claim);
  const passage = index.passage(evidence.passage);
  if (!claim || !passage) return null;
  const bodies = [
    // The claim is one resource however many passages bear on it: its own id, the same text.
    text('describing', claim.text, `urn:uuid:${claim.id}`),
    text('tagging', evidence.stance),
    text('assessing', `Credibility ${credibilityWords(evidence.credibility)}`),
    attribution(index, passage),
    evidence.note ? text('commenting', evidence.note) : null,
    passage.status === 'orphaned' ? text('commenting', ORPHANED) : null,
  ].filter((b) => b !== null);
  return {
    id: `urn:uuid:${evidence.id}`,
    type: 'Annotation',
    motivation: 'assessing',
    creator,
    created: evidence.createdAt,
    body: bodies,
    target: targetOf(passage),
  };
}

function highlighting(
  index: SetIndex,
  passage: SetPassage,
  creator: { type: 'Person'; name: string },
): Record<string, unknown> {
  const bodies = [
    attribution(index, passage),
    passage.note ? text('commenting', passage.note) : null,
    passage.status === 'orphaned' ? text('commenting', ORPHANED) : null,
  ].filter((b) => b !== null);
  return {
    id: `urn:uuid:${passage.id}`,
    type: 'Annotation',
    motivation: 'highlighting',
    creator,
    created: passage.createdAt,
    modified: passage.updatedAt,
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target: targetOf(passage),
  };
}

export function annotationsFile(set: ClaimSet): ExportFile {
  const index = indexSet(set);
  const creator = { type: 'Person' as const, name: set.exported.reviewer };
  const items = [
    ...set.evidence.map((e) => assessing(index, e, creator)).filter((a) => a !== null),
    ...index.unlinkedPassages.map((p) => highlighting(index, p, creator)),
  ];
  const collection = `urn:uuid:${derivedUuid('annotations', set.exported.desk, set.exported.at)}`;
  const document = {
    '@context': ANNO_CONTEXT,
    id: collection,
    type: 'AnnotationCollection',
    label: `Source Desk: ${plural(set.evidence.length, 'evidence link')} on ${plural(set.claims.length, 'claim')}, exported by ${set.exported.reviewer}`,
    creator,
    generated: set.exported.at,
    generator: { type: 'Software', name: 'Source Desk' },
    total: items.length,
    first: {
      id: `urn:uuid:${derivedUuid('annotations page 1', set.exported.desk, set.exported.at)}`,
      type: 'AnnotationPage',
      partOf: collection,
      startIndex: 0,
      items,
    },
  };
  return {
    name: 'annotations.jsonld',
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    content: `${JSON.stringify(document, null, 2)}\n`,
  };
}
