/**
 * Checkstyle XML (Jenkins Warnings NG, reviewdog, Danger, SonarQube):
 * ESLint's checkstyle shape with ramlint's names. Every file is listed, clean
 * ones as an empty `<file>`; suppressed findings are omitted. Paths are
 * relative to the repository root.
 */
import { repoPath } from '../paths';
import type { Formatter } from './types';
import { XML_DECLARATION, xmlAttr } from './xml';

export const checkstyle: Formatter = (results, context) => {
  const root = context.repoRoot ?? context.cwd;
  const out: string[] = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const result of results) {
    const name = xmlAttr(repoPath(result.filePath, root).path);
    if (result.messages.length === 0) {
      out.push(`  <file name="${name}"></file>`);
      continue;
    }
    out.push(`  <file name="${name}">`);
    for (const m of result.messages) {
      out.push(
        `    <error line="${m.line}" column="${m.column}" severity="${m.severity}" message="${xmlAttr(`${m.message} (${m.ruleId})`)}" source="${xmlAttr(`ramlint.rules.${m.ruleId}`)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
};
