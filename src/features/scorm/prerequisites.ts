/**
 * SCORM 1.2 adlcp:prerequisites (AICC script): identifiers of other items combined with
 * & (and), | (or), ~ (not) and parentheses; an item is satisfied once its SCO is completed
 * (passed and failed count as completed in SCORM 1.2). Pure. A script this reading cannot
 * follow (such as the n*{…} set form) does not lock the item: it is reported, not enforced.
 */
export type Prerequisites =
  | { kind: 'none' }
  | { kind: 'script'; test: (done: (identifier: string) => boolean) => boolean; identifiers: string[] }
  | { kind: 'unsupported'; script: string };

export function readPrerequisites(script: string | null | undefined): Prerequisites {
  const source = script?.trim();
  if (!source) return { kind: 'none' };
  const tokens = source.match(/\s*([&|~()]|[^&|~()\s]+)/g)?.map((t) => t.trim()) ?? [];
  if (tokens.join('') !== source.replace(/\s+/g, '') || /[{}*,=<>]/.test(source))
    return { kind: 'unsupported', script: source };
  let at = 0;
  const identifiers: string[] = [];
  type Test = (done: (id: string) => boolean) => boolean;
  const fail = (): never => {
    throw new Error('unreadable');
  };
  const primary = (): Test => {
    const token = tokens[at++] ?? fail();
    if (token === '~') {
      const inner = primary();
      return (done) => !inner(done);
    }
    if (token === '(') {
      const inner = or();
      if (tokens[at++] !== ')') fail();
      return inner;
    }
    if (/^[&|)]$/.test(token)) fail();
    identifiers.push(token);
    return (done) => done(token);
  };
  const and = (): Test => {
    let left = primary();
    while (tokens[at] === '&') {
      at++;
      const l = left;
      const right = primary();
      left = (done) => l(done) && right(done);
    }
    return left;
  };
  const or = (): Test => {
    let left = and();
    while (tokens[at] === '|') {
      at++;
      const l = left;
      const right = and();
      left = (done) => l(done) || right(done);
    }
    return left;
  };
  try {
    const test = or();
    if (at !== tokens.length) fail();
    return { kind: 'script', test, identifiers };
  } catch {
    return { kind: 'unsupported', script: source };
  }
}
