/**
 * The SCORM 2004 activity tree scorm-again's sequencing engine runs on, read from the
 * organization's items and their imsss:sequencing: control modes, pre/exit/post condition
 * rules, limit conditions, roll-up rules and considerations, objectives with their maps,
 * delivery controls, randomization and hidden LMS UI. Whatever the manifest says that this
 * reading does not carry over is listed by name, so an upload can say which rules are not
 * honoured. Pure.
 */
type Node = Record<string, unknown>;

/** scorm-again's ActivitySettings, kept as plain JSON (it is stored with the manifest). */
export interface ActivityNode {
  id: string;
  title: string;
  isVisible?: boolean;
  children?: ActivityNode[];
  [setting: string]: unknown;
}

export interface SequencingReading {
  activityTree: ActivityNode;
  /** Any sequencing at all in the package (else the player runs without the engine). */
  sequenced: boolean;
  /** Sequencing elements present in the manifest that the engine is not given. */
  unsupported: string[];
}

const KNOWN = new Set([
  'controlMode',
  'sequencingRules',
  'limitConditions',
  'rollupRules',
  'objectives',
  'deliveryControls',
  'randomizationControls',
  'constrainedChoiceConsiderations',
  'rollupConsiderations',
  'auxiliaryResources',
]);

export function readSequencing(organization: Node, title: string, id: string): SequencingReading {
  const unsupported = new Set<string>();
  let sequenced = false;
  const activity = (node: Node, fallbackId: string, fallbackTitle: string): ActivityNode => {
    const out: ActivityNode = {
      id: attr(node, 'identifier') ?? fallbackId,
      title: text(node.title) ?? fallbackTitle,
    };
    if (attr(node, 'isvisible') === 'false') out.isVisible = false;
    const presentation = asNode(node.presentation);
    const hide = asNode(presentation?.navigationInterface)?.hideLMSUI;
    if (hide)
      out.hideLmsUi = list(hide)
        .map((h) => text(h))
        .filter(Boolean);
    const sequencing = asNode(node.sequencing);
    if (sequencing) {
      sequenced = true;
      if (attr(sequencing, 'IDRef'))
        unsupported.add(`sequencing collection reference (IDRef="${attr(sequencing, 'IDRef')}")`);
      for (const key of Object.keys(sequencing)) {
        if (!key.startsWith('@_') && !KNOWN.has(key)) unsupported.add(key);
      }
      Object.assign(out, settingsOf(sequencing, unsupported));
    }
    const children = list(node.item).map((child, i) =>
      activity(child as Node, `${out.id}-${i}`, `${out.title} ${i + 1}`),
    );
    if (children.length > 0) out.children = children;
    return out;
  };
  const root = activity(organization, id, title);
  if (asNode(organization.sequencingCollection)) unsupported.add('sequencingCollection');
  return { activityTree: root, sequenced, unsupported: [...unsupported] };
}

function settingsOf(s: Node, unsupported: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const controls: Record<string, unknown> = {};
  const control = asNode(s.controlMode);
  if (control) {
    for (const name of [
      'choice',
      'choiceExit',
      'flow',
      'forwardOnly',
      'useCurrentAttemptObjectiveInfo',
      'useCurrentAttemptProgressInfo',
    ]) {
      const value = bool(control, name);
      if (value !== undefined) controls[name] = value;
    }
  }
  const constrained = asNode(s.constrainedChoiceConsiderations);
  if (constrained) {
    for (const name of ['preventActivation', 'constrainChoice']) {
      const value = bool(constrained, name);
      if (value !== undefined) controls[name] = value;
    }
  }
  const randomization = asNode(s.randomizationControls);
  if (randomization) {
    const select = attr(randomization, 'selectCount');
    if (select) controls.selectCount = Number(select);
    const randomize = bool(randomization, 'reorderChildren');
    if (randomize !== undefined) controls.randomizeChildren = randomize;
    if (attr(randomization, 'selectionTiming'))
      controls.selectionTiming = attr(randomization, 'selectionTiming');
    if (attr(randomization, 'randomizationTiming'))
      controls.randomizationTiming = attr(randomization, 'randomizationTiming');
  }
  const rollup = asNode(s.rollupRules);
  if (rollup) {
    for (const name of ['rollupObjectiveSatisfied', 'rollupProgressCompletion']) {
      const value = bool(rollup, name);
      if (value !== undefined) controls[name] = value;
    }
    const weight = attr(rollup, 'objectiveMeasureWeight');
    if (weight) controls.objectiveMeasureWeight = Number(weight);
    const rules = list(rollup.rollupRule).map((r) => {
      const rule = r as Node;
      const conditions = asNode(rule.rollupConditions);
      return prune({
        action: attr(asNode(rule.rollupAction) ?? {}, 'action'),
        consideration: attr(rule, 'childActivitySet') ?? 'all',
        minimumCount: num(attr(rule, 'minimumCount')),
        minimumPercent: num(attr(rule, 'minimumPercent')),
        conditionCombination: conditions ? (attr(conditions, 'conditionCombination') ?? 'any') : 'any',
        conditions: list(conditions?.rollupCondition).map((c) =>
          prune({
            condition: attr(c as Node, 'condition'),
            operator: attr(c as Node, 'operator') ?? undefined,
          }),
        ),
      });
    });
    if (rules.length > 0) out.rollupRules = { rules };
  }
  if (Object.keys(controls).length > 0) out.sequencingControls = controls;

  const rules = asNode(s.sequencingRules);
  if (rules) {
    const read = (name: string) =>
      list(rules[name]).map((r) => {
        const rule = r as Node;
        const conditions = asNode(rule.ruleConditions);
        return {
          action: attr(asNode(rule.ruleAction) ?? {}, 'action'),
          conditionCombination: conditions ? (attr(conditions, 'conditionCombination') ?? 'all') : 'all',
          conditions: list(conditions?.ruleCondition).map((c) => {
            const cond = c as Node;
            const operator = attr(cond, 'operator');
            const threshold = attr(cond, 'measureThreshold');
            return prune({
              condition: attr(cond, 'condition'),
              operator: operator && operator !== 'noOp' ? operator : undefined,
              referencedObjective: attr(cond, 'referencedObjective') ?? undefined,
              parameters: threshold ? { threshold: Number(threshold) } : undefined,
            });
          }),
        };
      });
    out.sequencingRules = prune({
      preConditionRules: nonEmpty(read('preConditionRule')),
      exitConditionRules: nonEmpty(read('exitConditionRule')),
      postConditionRules: nonEmpty(read('postConditionRule')),
    });
  }
  const limits = asNode(s.limitConditions);
  if (limits) {
    const attempts = attr(limits, 'attemptLimit');
    if (attempts) out.attemptLimit = Number(attempts);
    const duration = attr(limits, 'attemptAbsoluteDurationLimit');
    if (duration) out.attemptAbsoluteDurationLimit = duration;
  }
  const delivery = asNode(s.deliveryControls);
  if (delivery) {
    out.deliveryControls = prune({
      tracked: bool(delivery, 'tracked'),
      completionSetByContent: bool(delivery, 'completionSetByContent'),
      objectiveSetByContent: bool(delivery, 'objectiveSetByContent'),
    });
  }
  const considerations = asNode(s.rollupConsiderations);
  if (considerations) {
    out.rollupConsiderations = prune({
      requiredForSatisfied: attr(considerations, 'requiredForSatisfied') ?? undefined,
      requiredForNotSatisfied: attr(considerations, 'requiredForNotSatisfied') ?? undefined,
      requiredForCompleted: attr(considerations, 'requiredForCompleted') ?? undefined,
      requiredForIncomplete: attr(considerations, 'requiredForIncomplete') ?? undefined,
      measureSatisfactionIfActive: bool(considerations, 'measureSatisfactionIfActive'),
    });
  }
  const objectives = asNode(s.objectives);
  if (objectives) {
    const objective = (o: Node, primary: boolean) => {
      const id = attr(o, 'objectiveID');
      if (!id) return null;
      return prune({
        objectiveID: id,
        isPrimary: primary,
        satisfiedByMeasure: bool(o, 'satisfiedByMeasure'),
        minNormalizedMeasure: num(text(o.minNormalizedMeasure)),
        mapInfo: nonEmpty(
          list(o.mapInfo).map((m) => {
            const map = m as Node;
            return prune({
              targetObjectiveID: attr(map, 'targetObjectiveID'),
              readSatisfiedStatus: bool(map, 'readSatisfiedStatus'),
              readNormalizedMeasure: bool(map, 'readNormalizedMeasure'),
              writeSatisfiedStatus: bool(map, 'writeSatisfiedStatus'),
              writeNormalizedMeasure: bool(map, 'writeNormalizedMeasure'),
            });
          }),
        ),
      });
    };
    const primary = asNode(objectives.primaryObjective);
    const primaryObjective = primary ? objective(primary, true) : null;
    if (primaryObjective) out.primaryObjective = primaryObjective;
    const others = list(objectives.objective)
      .map((o) => objective(o as Node, false))
      .filter(Boolean);
    if (others.length > 0) out.objectives = others;
  }
  if ('auxiliaryResources' in s) unsupported.add('auxiliaryResources');
  return out;
}

function list(value: unknown): unknown[] {
  if (value == null) return [];
  return Array.isArray(value) ? value : [value];
}
function asNode(value: unknown): Node | null {
  if (Array.isArray(value)) return asNode(value[0]);
  return value && typeof value === 'object' ? (value as Node) : null;
}
function attr(node: Node, name: string): string | null {
  const value = node[`@_${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
function bool(node: Node, name: string): boolean | undefined {
  const value = attr(node, name);
  return value === 'true' ? true : value === 'false' ? false : undefined;
}
function text(value: unknown): string | null {
  if (value == null) return null;
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') return text((value as Node)['#text']);
  const s = String(value).trim();
  return s === '' ? null : s;
}
function num(value: string | null): number | undefined {
  if (value == null) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
function prune<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}
