/**
 * "Why it matters" from a built-in rule's page (docs/rules/<id>.md, shipped in
 * the package), for hover. Read once per rule; a missing page gives nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../cli/version';

const cache = new Map<string, string | undefined>();
const RULE_ID = /^[a-z0-9-]+$/;

export function whyItMatters(ruleId: string, docsDir = path.join(packageRoot(), 'docs', 'rules')): string | undefined {
  // Plugin ids hold a slash; only plain built-in ids name a file, and never a path outside docs/rules.
  if (!RULE_ID.test(ruleId)) return undefined;
  const key = `${docsDir}\0${ruleId}`;
  if (cache.has(key)) return cache.get(key);
  let found: string | undefined;
  try {
    const page = fs.readFileSync(path.join(docsDir, `${ruleId}.md`), 'utf8');
    const section = /^## Why it matters\r?\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page)?.[1];
    found = section?.trim().split(/\r?\n\r?\n/)[0]?.trim() || undefined;
  } catch {
    found = undefined;
  }
  cache.set(key, found);
  return found;
}
