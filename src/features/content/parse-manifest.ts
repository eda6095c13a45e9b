/**
 * Reads imsmanifest.xml into what Rollcall needs to launch and judge a package: the SCORM
 * version, the default organization's launchable items (SCOs and assets) in order, each with
 * its launch path (xml:base resolved, item parameters appended) and the thresholds that decide
 * completion and pass. Pure: no file system, no database.
 */
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../shared/app-error.ts';
import { readSequencing, type SequencingReading } from './sequencing-tree.ts';

export type ScormVersionName = 'scorm12' | 'scorm2004';

export interface ManifestSco {
  identifier: string;
  title: string;
  /** Launch path relative to the package root, parameters included. */
  launchHref: string;
  /** The file the launch path names (no query or fragment), for an existence check. */
  launchFile: string;
  resourceIdentifier: string;
  scormType: 'sco' | 'asset';
  /** SCORM 1.2 adlcp:masteryscore (0–100). */
  masteryScore: number | null;
  /** SCORM 2004 primary objective minNormalizedMeasure when satisfiedByMeasure. */
  scaledPassingScore: number | null;
  /** SCORM 2004 adlcp:completionThreshold. */
  completionThreshold: number | null;
  /** adlcp:datafromlms → cmi.launch_data. */
  launchData: string | null;
  /** SCORM 1.2 adlcp:prerequisites (AICC script over item identifiers). */
  prerequisites?: string | null;
  /** SCORM 2004 imsss:objectives of the item, the primary one first. */
  objectives?: ManifestObjective[];
}

export interface TocNode {
  identifier: string;
  title: string;
  /** Launchable (has a resource); a folder otherwise. */
  launchable: boolean;
  hidden: boolean;
  children: TocNode[];
}

export interface ManifestObjective {
  id: string;
  primary: boolean;
  satisfiedByMeasure: boolean;
  minNormalizedMeasure: number | null;
  /** imsss:mapInfo: global objectives this one reads from or writes to. */
  maps: {
    target: string;
    readSatisfied: boolean;
    readMeasure: boolean;
    writeSatisfied: boolean;
    writeMeasure: boolean;
  }[];
}

export interface ParsedManifest {
  identifier: string;
  version: ScormVersionName;
  schemaVersion: string | null;
  title: string;
  organizationIdentifier: string;
  scos: ManifestSco[];
  /** The organization's items as a tree: folders group launchable items; hidden ones are flagged. */
  toc?: TocNode[];
  /** SCORM 2004: the activity tree for the sequencing engine, when the package sequences. */
  sequencing?: SequencingReading;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities are not expanded beyond the XML built-ins: a manifest has no use for them.
  processEntities: true,
  isArray: (name) =>
    [
      'organization',
      'item',
      'resource',
      'file',
      'dependency',
      'objective',
      'mapInfo',
      'preConditionRule',
      'exitConditionRule',
      'postConditionRule',
      'ruleCondition',
      'rollupRule',
      'rollupCondition',
      'hideLMSUI',
    ].includes(name),
});

const invalid = (why: string) => new AppError('VALIDATION', `The package's imsmanifest.xml ${why}.`);

export function parseManifest(xml: string): ParsedManifest {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw invalid(`is not valid XML (${(error as Error).message})`);
  }
  const manifest = asNode(doc.manifest);
  if (!manifest) throw invalid('has no <manifest> element');
  const identifier = attr(manifest, 'identifier') ?? 'manifest';
  const schemaVersion = text(asNode(manifest.metadata)?.schemaversion);
  const version = detectVersion(schemaVersion, xml);

  const organizations = asNode(manifest.organizations);
  const orgList = (organizations?.organization as Node[] | undefined) ?? [];
  if (orgList.length === 0) throw invalid('has no <organization>: there is nothing to launch');
  const defaultId = organizations ? attr(organizations, 'default') : null;
  // A default that names no organization falls back to the first, as Moodle and SCORM Cloud do.
  const organization =
    (defaultId ? orgList.find((o) => attr(o, 'identifier') === defaultId) : undefined) ?? orgList[0]!;

  const resourcesNode = asNode(manifest.resources);
  const rootBase = (resourcesNode && attr(resourcesNode, 'base')) ?? '';
  const manifestBase = attr(manifest, 'base') ?? '';
  const resources = new Map<string, Node>();
  for (const resource of (resourcesNode?.resource as Node[] | undefined) ?? []) {
    const id = attr(resource, 'identifier');
    if (id) resources.set(id, resource);
  }

  const scos: ManifestSco[] = [];
  const visit = (items: Node[] | undefined): TocNode[] => {
    const nodes: TocNode[] = [];
    for (const item of items ?? []) {
      const ref = attr(item, 'identifierref');
      const itemId = attr(item, 'identifier') ?? `item-${scos.length}`;
      if (ref) {
        const resource = resources.get(ref);
        if (!resource) {
          throw invalid(
            `has an item "${attr(item, 'identifier') ?? '?'}" pointing to a resource "${ref}" that is not in <resources>`,
          );
        }
        scos.push(toSco(item, resource, [manifestBase, rootBase], version));
      }
      nodes.push({
        identifier: itemId,
        title: text(item.title) ?? itemId,
        launchable: Boolean(ref),
        hidden: attr(item, 'isvisible') === 'false',
        children: visit(item.item as Node[] | undefined),
      });
    }
    return nodes;
  };
  const toc = visit(organization.item as Node[] | undefined);
  if (scos.length === 0) throw invalid('has no launchable item in its default organization');

  const title = text(organization.title) ?? identifier;
  const organizationIdentifier = attr(organization, 'identifier') ?? 'default';
  const sequencing =
    version === 'scorm2004' ? readSequencing(organization, title, organizationIdentifier) : undefined;
  return {
    identifier,
    version,
    schemaVersion,
    title,
    organizationIdentifier,
    scos,
    toc,
    ...(sequencing?.sequenced ? { sequencing } : {}),
  };
}

function toSco(item: Node, resource: Node, bases: string[], version: ScormVersionName): ManifestSco {
  const identifier = attr(item, 'identifier') ?? attr(resource, 'identifier')!;
  const href = attr(resource, 'href');
  if (!href) throw invalid(`has a resource "${attr(resource, 'identifier')}" with no href to launch`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
    throw invalid(`launches "${href}", which is outside the package`);
  }
  const resourceBase = attr(resource, 'base') ?? '';
  const joined = [...bases, resourceBase].reduce(
    (acc, base) => (base ? path.posix.join(acc, base) : acc),
    '',
  );
  const [fileWithBase, query = ''] = splitQuery(path.posix.join(joined || '.', href));
  const launchFile = path.posix.normalize(fileWithBase).replace(/^\.\//, '');
  if (launchFile.startsWith('../') || launchFile === '..' || launchFile.startsWith('/')) {
    throw invalid(`launches "${href}", which is outside the package`);
  }
  const scormType =
    (attr(resource, 'scormtype') ?? attr(resource, 'scormType') ?? 'sco').toLowerCase() === 'asset'
      ? 'asset'
      : 'sco';
  const sequencing = asNode(item.sequencing);
  const primaryObjective = asNode(asNode(sequencing?.objectives)?.primaryObjective);
  const byMeasure = primaryObjective && attr(primaryObjective, 'satisfiedByMeasure') === 'true';
  const completionThresholdNode = item.completionThreshold;
  return {
    identifier,
    title: text(item.title) ?? identifier,
    launchHref: appendParameters(launchFile + query, attr(item, 'parameters')),
    launchFile,
    resourceIdentifier: attr(resource, 'identifier')!,
    scormType,
    masteryScore: version === 'scorm12' ? numberIn(text(item.masteryscore), 0, 100) : null,
    scaledPassingScore: byMeasure
      ? (numberIn(text(primaryObjective.minNormalizedMeasure), -1, 1) ?? 1)
      : null,
    completionThreshold: completionThresholdOf(completionThresholdNode),
    launchData: text(item.datafromlms) ?? text(item.dataFromLMS) ?? null,
    objectives: objectivesOf(sequencing),
    prerequisites: version === 'scorm12' ? text(item.prerequisites) : null,
  };
}

/** The item's objectives; one without objectiveID (allowed for the primary) has no runtime id. */
function objectivesOf(sequencing: Node | null): ManifestObjective[] {
  const objectives = asNode(sequencing?.objectives);
  if (!objectives) return [];
  const read = (node: Node, primary: boolean): ManifestObjective | null => {
    const id = attr(node, 'objectiveID');
    if (!id) return null;
    return {
      id,
      primary,
      satisfiedByMeasure: attr(node, 'satisfiedByMeasure') === 'true',
      minNormalizedMeasure: numberIn(text(node.minNormalizedMeasure), -1, 1),
      maps: ((node.mapInfo as Node[] | undefined) ?? []).flatMap((m) => {
        const target = attr(m, 'targetObjectiveID');
        if (!target) return [];
        return [
          {
            target,
            // imsss defaults: read true, write false.
            readSatisfied: attr(m, 'readSatisfiedStatus') !== 'false',
            readMeasure: attr(m, 'readNormalizedMeasure') !== 'false',
            writeSatisfied: attr(m, 'writeSatisfiedStatus') === 'true',
            writeMeasure: attr(m, 'writeNormalizedMeasure') === 'true',
          },
        ];
      }),
    };
  };
  const primary = asNode(objectives.primaryObjective);
  const others = (objectives.objective as Node[] | undefined) ?? [];
  return [primary ? read(primary, true) : null, ...others.map((o) => read(o, false))].filter(
    (o): o is ManifestObjective => o !== null,
  );
}

/** 3rd edition: `<adlcp:completionThreshold>0.8</…>`; 4th: attributes completedByMeasure/minProgressMeasure. */
function completionThresholdOf(value: unknown): number | null {
  if (value == null) return null;
  const node = asNode(value);
  if (node && ('@_minProgressMeasure' in node || '@_completedByMeasure' in node)) {
    if (attr(node, 'completedByMeasure') !== 'true') return null;
    return numberIn(attr(node, 'minProgressMeasure'), 0, 1) ?? 1;
  }
  return numberIn(text(value), 0, 1);
}

/** IMS CP: parameters starting with ? or & join the href's query; # starts a fragment. */
export function appendParameters(href: string, parameters: string | null): string {
  if (!parameters) return href;
  const trimmed = parameters.trim();
  if (trimmed.startsWith('#')) return href.includes('#') ? href : href + trimmed;
  const bare = trimmed.replace(/^[?&]+/, '');
  if (!bare) return href;
  return href + (href.includes('?') ? '&' : '?') + bare;
}

function detectVersion(schemaVersion: string | null, xml: string): ScormVersionName {
  if (schemaVersion) {
    if (/^1\.2$/.test(schemaVersion.trim())) return 'scorm12';
    if (/2004|CAM\s*1\.3/i.test(schemaVersion)) return 'scorm2004';
  }
  // No usable schemaversion: the namespaces tell (adlcp_v1p3/imscp_v1p1 are 2004).
  if (/adlcp_v1p3|imsss|adlseq_v1p3/.test(xml)) return 'scorm2004';
  return 'scorm12';
}

function splitQuery(href: string): [string, string] {
  const at = href.search(/[?#]/);
  return at === -1 ? [href, ''] : [href.slice(0, at), href.slice(at)];
}

function asNode(value: unknown): Node | null {
  if (Array.isArray(value)) return asNode(value[0]);
  return value && typeof value === 'object' ? (value as Node) : null;
}

function attr(node: Node, name: string): string | null {
  const value = node[`@_${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function text(value: unknown): string | null {
  if (value == null) return null;
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') return text((value as Node)['#text']);
  const s = String(value).trim();
  return s === '' ? null : s;
}

function numberIn(value: string | null, min: number, max: number): number | null {
  if (value == null) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}
