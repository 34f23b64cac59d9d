'use strict';
/**
 * Inputs for the benchmark cases beyond the generated corpus: Terraform files
 * holding the same policies, and one very large policy. Seeded, so every run
 * lints the same bytes.
 */
const fs = require('node:fs');
const path = require('node:path');

/**
 * The first `count` generated policies twice over: as bare .json files, and
 * four to a .tf file as alicloud_ram_policy heredocs. Linting both measures
 * what reading policies where they live costs over reading them bare.
 */
function terraformPair(files, dir, count = 1000) {
  const jsonDir = path.join(dir, 'tf-json');
  const tfDir = path.join(dir, 'tf');
  fs.mkdirSync(jsonDir, { recursive: true });
  fs.mkdirSync(tfDir, { recursive: true });
  const chosen = files.filter((f) => f.kind === 'permission').slice(0, count);
  for (let i = 0; i < chosen.length; i += 4) {
    const blocks = chosen.slice(i, i + 4).map((f, j) => {
      const text = fs.readFileSync(f.path, 'utf8').replace(/\s+$/, '');
      fs.writeFileSync(path.join(jsonDir, `p${i + j}.json`), `${text}\n`);
      return `resource "alicloud_ram_policy" "p${i + j}" {\n  policy_name     = "p${i + j}"\n  policy_document = <<EOF\n${text}\nEOF\n}\n`;
    });
    fs.writeFileSync(path.join(tfDir, `main${i / 4}.tf`), blocks.join('\n'));
  }
  return { jsonDir, tfDir, policies: chosen.length, tfFiles: Math.ceil(chosen.length / 4) };
}

/** One permission policy of `statements` statements, each a plausible grant. */
function largePolicy(dir, statements = 10000) {
  const services = ['ecs', 'oss', 'vpc', 'rds', 'log', 'kms', 'slb', 'ram'];
  const verbs = ['Describe*', 'Get*', 'List*', 'CreateInstance', 'DeleteInstance', 'ModifyInstanceAttribute'];
  const body = [];
  for (let i = 0; i < statements; i++) {
    const service = services[i % services.length];
    const action = `${service}:${verbs[(i * 7) % verbs.length]}`;
    body.push(`    {\n      "Effect": "Allow",\n      "Action": ["${action}"],\n      "Resource": "acs:${service}:*:123456789012:instance/i-${String(i).padStart(6, '0')}"\n    }`);
  }
  const file = path.join(dir, 'large-policy.json');
  fs.writeFileSync(file, `{\n  "Version": "1",\n  "Statement": [\n${body.join(',\n')}\n  ]\n}\n`);
  return { file, statements, bytes: fs.statSync(file).size };
}

module.exports = { terraformPair, largePolicy };
