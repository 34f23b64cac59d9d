/**
 * What the editor knows about services and actions. The server depends on
 * this interface only; the built-in implementation reads the action catalogue
 * (src/engine/catalog), which the rules read too.
 */
import { catalogue as builtin } from '../engine/catalog/catalogue';

export interface CatalogueAction {
  name: string;
  accessLevel?: string;
  /** Where the entry comes from: authoritative, derived or curated (docs/catalogue.md). */
  tier?: string;
  /** ARN templates of the resource types the action supports ("*": all resources). */
  resources?: readonly string[];
}

export interface ActionCatalogue {
  services(): string[];
  actions(service: string): CatalogueAction[];
}

/** The built-in action catalogue; a service's list is built on first use. */
export function builtinCatalogue(): ActionCatalogue {
  const services = new Map<string, CatalogueAction[]>();
  return {
    services: () => [...builtin().services.keys()],
    actions(service) {
      const code = service.toLowerCase();
      let list = services.get(code);
      if (!list) {
        list = (builtin().services.get(code)?.actions ?? []).map((a) => {
          const entry: CatalogueAction = { name: a.action.slice(a.action.indexOf(':') + 1), accessLevel: a.level, tier: a.tier };
          if (a.resources) entry.resources = a.resources;
          return entry;
        });
        services.set(code, list);
      }
      return list;
    },
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
