/**
 * Checkstyle XML (Jenkins Warnings NG, reviewdog, Danger, SonarQube):
 * ESLint's checkstyle shape with ramlint's names. Every file is listed, clean
 * ones as an empty `<file>`; suppressed findings are omitted. Paths are
 * relative to the repository root.
 */
import { repoPath } from '../paths';
import { collected } from './streaming';
import type { StreamingFormat } from './types';
import { XML_DECLARATION, xmlAttr } from './xml';

export const checkstyleStream: StreamingFormat = (context) => {
  const root = context.repoRoot ?? context.cwd;
  let started = false;
  const head = () => {
    if (started) return '';
    started = true;
    return `${XML_DECLARATION}\n<checkstyle version="4.3">\n`;
  };
  return {
    file: (result) => {
      const name = xmlAttr(repoPath(result.filePath, root).path);
      if (result.messages.length === 0) return `${head()}  <file name="${name}"></file>\n`;
      let out = `${head()}  <file name="${name}">\n`;
      for (const m of result.messages) {
        out += `    <error line="${m.line}" column="${m.column}" severity="${m.severity}" message="${xmlAttr(`${m.message} (${m.ruleId})`)}" source="${xmlAttr(`ramlint.rules.${m.ruleId}`)}"/>\n`;
      }
      return `${out}  </file>\n`;
    },
    end: () => `${head()}</checkstyle>\n`,
  };
};

export const checkstyle = collected(checkstyleStream);
