/**
 * The layering, one rule per function: adapters → conversation → features → db, with
 * src/shared at the bottom beside db. Each rule has its own test file beside this one.
 */
import { importsMatching, type Rule, type SourceFile, sourceFile } from './source-tree.ts';

const under = (spec: string, ...dirs: string[]) => dirs.some((d) => spec === d || spec.startsWith(`${d}/`));
const isIn = (file: SourceFile, dir: string) => file.path.startsWith(`${dir}/`);

/** Features hold the domain; they never reach up into the conversation, adapters or the surfaces. */
export const featuresStayBelowConversation: Rule = (file) =>
  isIn(file, 'src/features')
    ? importsMatching(file, (s) =>
        under(s, 'src/conversation', 'adapters', 'src/http', 'src/cli', 'src/jobs', 'src/main.ts'),
      )
    : [];

/** The conversation calls use cases: no Prisma client, generated types or database module. */
export const conversationWithoutPrisma: Rule = (file) => {
  if (!isIn(file, 'src/conversation')) return [];
  const imports = importsMatching(
    file,
    (s) => s.startsWith('@prisma/') || s === 'prisma' || under(s, 'src/generated', 'src/db'),
  );
  const calls = file.text
    .split('\n')
    .filter((line) => /\.prisma\b|\$queryRaw|\$executeRaw|\$transaction/.test(line))
    .map((line) => `uses the database: ${line.trim()}`);
  return [...imports, ...calls];
};

/** Platform SDKs stay in adapters/: nothing in src/ imports Slack's or the Bot Framework's. */
export const noPlatformSdkInSrc: Rule = (file) =>
  isIn(file, 'src') ? importsMatching(file, (s) => /^(@slack\/|botbuilder|botframework-)/.test(s)) : [];

/** src/main.ts is the composition root, the only file in src/ that wires adapters. */
export const onlyMainWiresAdapters: Rule = (file) =>
  isIn(file, 'src') && file.path !== 'src/main.ts' ? importsMatching(file, (s) => under(s, 'adapters')) : [];

/** The bottom layers (db, shared) depend on nothing above them. */
export const bottomLayersStayAtTheBottom: Rule = (file) =>
  isIn(file, 'src/db') || isIn(file, 'src/shared')
    ? importsMatching(file, (s) =>
        under(s, 'src/features', 'src/conversation', 'adapters', 'src/http', 'src/cli', 'src/jobs'),
      )
    : [];

/** Adapters only translate: they reach the domain through the conversation, not the Prisma client. */
export const adaptersWithoutGeneratedClient: Rule = (file) =>
  isIn(file, 'adapters')
    ? importsMatching(file, (s) => s.startsWith('@prisma/') || under(s, 'src/generated', 'src/db'))
    : [];

/** Config is parsed once: only src/config.ts reads process.env. */
export const onlyConfigReadsEnv: Rule = (file) =>
  isIn(file, 'src') && file.path !== 'src/config.ts'
    ? file.text
        .split('\n')
        .filter((line) => line.includes('process.env'))
        .map((line) => `reads the environment: ${line.trim()}`)
    : [];

/**
 * The conversation calls a feature area only through its index.ts, the area's public use
 * cases. Type-only imports (the Actor, a result type) carry no behaviour and are allowed.
 */
export const conversationUsesAreaIndexes: Rule = (file) => {
  if (!isIn(file, 'src/conversation')) return [];
  const valueImports = sourceFile(file.path, file.text.replace(/^import type [^;]*;$/gms, ''));
  return importsMatching(valueImports, (s) => /^src\/features\/[^/]+\/(?!index\.ts$)[^/]+$/.test(s));
};
