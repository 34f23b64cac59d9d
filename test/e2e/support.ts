/**
 * Shared pieces of the end-to-end tests: small policies with known findings,
 * a scratch repository, and the checks every bad-input run makes (no stack
 * trace, nothing written). Running the CLI is test/helpers/cli.ts's job.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, scratch } from '../helpers/cli';

export const PLUGINS = path.join(ROOT, 'fixtures', 'plugins');
export const ACME = path.join(PLUGINS, 'ramlint-plugin-acme.js');
export const BROKEN = path.join(PLUGINS, 'ramlint-plugin-broken.js');
export const NOT_A_PLUGIN = path.join(PLUGINS, 'not-a-plugin.js');

/** No findings. */
export const CLEAN = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecs:DescribeInstances"],
      "Resource": "*"
    }
  ]
}
`;

/**
 * duplicate-list-entry is a suggestion and reports at info by default; the
 * tests that need "a warning" turn it up with this config, as a team would.
 */
export const WARN_ON_DUPLICATES = { '.ramlintrc.json': '{"rules": {"duplicate-list-entry": "warn"}}\n' };

/** One warning (with WARN_ON_DUPLICATES): duplicate-list-entry at 6:43. */
export const WARNING = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecs:DescribeInstances", "ecs:DescribeInstances"],
      "Resource": "*"
    }
  ]
}
`;

/** One error: admin-access at 6:17. */
export const ADMIN = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}
`;

/** A warning (duplicate-list-entry at 6:43) and an error (admin-access at 11:17). */
export const MIXED = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecs:DescribeInstances", "ecs:DescribeInstances"],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}
`;

/** A role trust policy: clean as a trust policy, two errors when linted as a permission policy. */
export const TRUST = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": {"Service": ["ecs.aliyuncs.com"]}
    }
  ]
}
`;

export const ADMIN_MESSAGE =
  'Action "*" on Resource "*" allows every action on every resource, which is full administrator access; grant the actions and resources the task needs.';
export const DUPLICATE_MESSAGE = 'Action lists "ecs:DescribeInstances" twice (first at line 6); remove the repeat.';

/** `file:line:col: severity message [rule]`, as the compact format prints it. */
export const adminLine = (file: string, line = 6, column = 17) => `${file}:${line}:${column}: error ${ADMIN_MESSAGE} [admin-access]`;
export const duplicateLine = (file: string, line = 6, column = 43) => `${file}:${line}:${column}: warning ${DUPLICATE_MESSAGE} [duplicate-list-entry]`;

/** Lines of an output, without the final newline's empty string. */
export function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/**
 * A scratch directory that is its own repository root (it has .git), so that
 * configuration lookup stops there and no ramlint config above the system's
 * temporary directory can change the results. `files` are written into it.
 */
export function project(files: Record<string, string | Buffer> = {}): ReturnType<typeof scratch> {
  const s = scratch();
  s.write('.git/HEAD', 'ref: refs/heads/main\n');
  for (const [rel, content] of Object.entries(files)) s.write(rel, content);
  // The CLI sees its working directory as a real path; so should the expectations.
  return { ...s, dir: fs.realpathSync(s.dir) };
}

/** Every entry under `dir` with its type, mode, size, mtime and content hash, or link target. */
export function listing(dir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    const full = path.join(dir, rel);
    const st = fs.lstatSync(full);
    const mode = (st.mode & 0o7777).toString(8);
    if (st.isSymbolicLink()) {
      out.push(`${rel} -> ${fs.readlinkSync(full)}`);
    } else if (st.isDirectory()) {
      out.push(`${rel}/ ${mode} ${st.mtimeMs}`);
      let names: string[];
      try {
        names = fs.readdirSync(full).sort();
      } catch {
        return; // an unreadable directory (chmod 000 as a normal user): its mode and mtime are recorded
      }
      for (const name of names) visit(rel === '' ? name : path.join(rel, name));
    } else {
      let hash: string;
      try {
        hash = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
      } catch {
        hash = 'unreadable';
      }
      out.push(`${rel} ${mode} ${st.size} ${st.mtimeMs} ${hash}`);
    }
  };
  visit('');
  return out;
}

/** A stack frame line as Node prints them ("    at fn (file:1:2)"). */
export const STACK_FRAME = /^ {4}at /m;
