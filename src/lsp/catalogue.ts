/**
 * What the editor knows about services and actions. The server depends on
 * this interface only; today it is backed by the OSS list in the engine, and
 * the generated action catalogue can implement it when it lands.
 */
import { OSS_ACTION_NAMES } from '../engine/catalog/oss-actions';

export interface CatalogueAction {
  name: string;
  accessLevel?: string;
}

export interface ActionCatalogue {
  services(): string[];
  actions(service: string): CatalogueAction[];
}

export function ossCatalogue(): ActionCatalogue {
  const actions = OSS_ACTION_NAMES.map(([name, accessLevel]) => ({ name, accessLevel }));
  return {
    services: () => ['oss'],
    actions: (service) => (service.toLowerCase() === 'oss' ? actions : []),
  };
}

/** The catalogue's entry for `service:Action` (case-insensitive, as RAM compares actions). */
export function findAction(catalogue: ActionCatalogue, action: string): { service: string; action?: CatalogueAction } | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  const service = action.slice(0, colon).toLowerCase();
  if (!catalogue.services().some((s) => s.toLowerCase() === service)) return undefined;
  const name = action.slice(colon + 1).toLowerCase();
  return { service, action: catalogue.actions(service).find((a) => a.name.toLowerCase() === name) };
}
