/**
 * A one-statement policy with its members one per line, so that rule tests can
 * state exact positions: the statement's members sit from line 5, each starting
 * at column 7, in the order given. An `"Action": ` value then starts at column
 * 17, `"Resource": ` at 19, `"Principal": ` and `"Condition": ` at 20.
 */
export const policy = (...members: string[]) =>
  `{
  "Version": "1",
  "Statement": [
    {
      ${members.join(',\n      ')}
    }
  ]
}`;

export const allow = '"Effect": "Allow"';
export const deny = '"Effect": "Deny"';
export const action = (v: string) => `"Action": ${v}`;
export const notAction = (v: string) => `"NotAction": ${v}`;
export const resource = (v: string) => `"Resource": ${v}`;
export const notResource = (v: string) => `"NotResource": ${v}`;
export const principal = (v: string) => `"Principal": ${v}`;
export const condition = (v: string) => `"Condition": ${v}`;
