/**
 * The shared reasoning rules are built on, exported to plugins (as
 * `analysis` from the package): what an action pattern grants, what a
 * resource pattern reaches, what a condition pins, who a principal lets in,
 * what is a placeholder, and how a host resource names its principal or bucket. A plugin rule that asks these questions gets the
 * answers the built-in rules get.
 */
export * from './actions';
export * from './arn';
export * from './conditions';
export * from './escalation';
export * from './host-resources';
export * from './placeholders';
export * from './principals';
