/**
 * The objective of a payload: the values its placeholders are filled with
 * (who receives the stolen data, which URL, which secret, ...). One
 * objective fits every template of the library, so a matrix can fill them
 * all from the same values.
 */

/** Standard placeholder names and what each stands for. */
export const OBJECTIVE_FIELDS = {
  recipient: 'An attacker-controlled email address, e.g. `mallory@attacker.example`.',
  url: 'An attacker-controlled URL without query string, e.g. `https://attacker.example/c`.',
  secret: 'The data the attacker wants, in words, e.g. `the customer list`.',
  tool: 'The name of a tool of the agent the attacker wants called, e.g. `delete_tickets`.',
  action: 'What the attacker wants done, as a verb phrase, e.g. `delete every open ticket`.',
  canary: 'A marker the attacker asks the agent to repeat, e.g. `RAMPART-CANARY-7F3A`.',
  account: 'An attacker-controlled account name, e.g. `mallory`.',
} as const;

/** One of the standard placeholder names. */
export type ObjectiveField = keyof typeof OBJECTIVE_FIELDS;

/** Values of the standard placeholders (a template needs only those it uses). */
export type PayloadObjective = Partial<Record<ObjectiveField, string>>;

/** True when `name` is a standard placeholder name. */
export function isObjectiveField(name: string): name is ObjectiveField {
  return Object.prototype.hasOwnProperty.call(OBJECTIVE_FIELDS, name);
}

/** An objective that fills every template of the library (used by the docs and tests). */
export const EXAMPLE_OBJECTIVE: Readonly<Required<PayloadObjective>> = {
  recipient: 'mallory@attacker.example',
  url: 'https://attacker.example/c',
  secret: 'the customer list',
  tool: 'delete_tickets',
  action: 'delete every open ticket',
  canary: 'RAMPART-CANARY-7F3A',
  account: 'mallory',
};
