/**
 * Slack's documented Block Kit limits, checked on every payload a test saw go out. Slack
 * answers `invalid_blocks` for any of these; the fake does not, so the tests check here.
 */
const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  contextElements: 10,
  headerText: 150,
  options: 100,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
};

type Block = Record<string, any>;

export function blockKitProblems(blocks: Block[], kind: 'message' | 'view' = 'message'): string[] {
  const problems: string[] = [];
  const max = kind === 'view' ? LIMITS.viewBlocks : LIMITS.messageBlocks;
  if (blocks.length > max) problems.push(`${blocks.length} blocks (max ${max})`);
  const actionIds = new Set<string>();
  const len = (t: unknown) => Array.from(String(t ?? '')).length;
  const text = (where: string, t: Block | undefined, limit: number) => {
    if (!t) return;
    if (!['mrkdwn', 'plain_text'].includes(t.type)) problems.push(`${where}: text type ${t.type}`);
    if (len(t.text) === 0) problems.push(`${where}: empty text`);
    if (len(t.text) > limit) problems.push(`${where}: ${len(t.text)} chars (max ${limit})`);
    if (t.type === 'mrkdwn') checkEscaped(where, String(t.text), problems);
  };
  const element = (where: string, e: Block) => {
    if (e.action_id) {
      if (actionIds.has(e.action_id)) problems.push(`${where}: repeated action_id ${e.action_id}`);
      actionIds.add(e.action_id);
      if (len(e.action_id) > LIMITS.actionId) problems.push(`${where}: action_id too long`);
    }
    if (e.type === 'button') {
      text(`${where} button`, e.text, LIMITS.buttonText);
      if (len(e.value) > LIMITS.buttonValue) problems.push(`${where}: button value too long`);
      if (e.style && !['primary', 'danger'].includes(e.style)) problems.push(`${where}: style ${e.style}`);
    }
    if (e.options && e.options.length > LIMITS.options) problems.push(`${where}: too many options`);
    if (e.confirm) {
      text(`${where} confirm title`, e.confirm.title, LIMITS.confirmTitle);
      text(`${where} confirm text`, e.confirm.text, LIMITS.confirmText);
      text(`${where} confirm button`, e.confirm.confirm, LIMITS.confirmButton);
      text(`${where} deny button`, e.confirm.deny, LIMITS.confirmButton);
    }
  };
  blocks.forEach((b, i) => {
    const where = `block ${i} (${b.type})`;
    switch (b.type) {
      case 'section':
        if (!b.text && !b.fields) problems.push(`${where}: neither text nor fields`);
        text(where, b.text, LIMITS.sectionText);
        if (b.fields?.length > LIMITS.fields) problems.push(`${where}: ${b.fields.length} fields`);
        for (const f of b.fields ?? []) text(`${where} field`, f, LIMITS.fieldText);
        if (b.accessory) element(where, b.accessory);
        break;
      case 'actions':
        if (b.elements.length > LIMITS.actionsElements) problems.push(`${where}: too many elements`);
        for (const e of b.elements) element(where, e);
        break;
      case 'context':
        if (b.elements.length > LIMITS.contextElements) problems.push(`${where}: too many elements`);
        for (const e of b.elements) text(where, e, LIMITS.sectionText);
        break;
      case 'header':
        text(where, b.text, LIMITS.headerText);
        break;
      case 'input':
        element(where, b.element);
        break;
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}

/** Raw `<`, `>` or a bare `&` in mrkdwn is markup; Rollcall's only markup is its own formatting. */
function checkEscaped(where: string, text: string, problems: string[]) {
  if (/[<>]/.test(text)) problems.push(`${where}: unescaped < or > in ${JSON.stringify(text.slice(0, 60))}`);
  if (/&(?!amp;|lt;|gt;)/.test(text))
    problems.push(`${where}: bare & in ${JSON.stringify(text.slice(0, 60))}`);
}
