import { catalogueInfo } from '../engine/catalog/catalogue';

export { packageRoot, packageVersion } from '../package-info';

/** What --version prints: the package version on the first line (scripts read it), then the data the findings depend on. */
export function versionText(version: string): string {
  return `${version}\naction catalogue ${catalogueInfo.date}: ${catalogueInfo.source}`;
}
