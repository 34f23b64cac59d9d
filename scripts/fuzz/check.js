'use strict';
/**
 * The properties every input must have. Each returns a list of problems
 * (empty when the input passes); none throws.
 *
 * - lint does not throw and reports no internal-error;
 * - every range lies inside the text, with positions that agree with it;
 * - every JSON path resolves in the parsed document;
 * - linting twice gives the same answer;
 * - linting takes at most `perInputMs`;
 * - --fix: a fixed text still parses (if the original did), has no
 *   internal-error, and fixing it again changes nothing;
 * - --fix: the fixed text grants nothing the original does not, judged by
 *   the policy evaluator (./widening.js says how, and when it cannot judge).
 */
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'src');
const { lintText } = require(path.join(DIST, 'engine', 'linter.js'));
const { fixText } = require(path.join(DIST, 'engine', 'fix.js'));
const { parseJson } = require(path.join(DIST, 'engine', 'parse.js'));
const { builtinRules } = require(path.join(DIST, 'rules', 'index.js'));
const { judgeFix } = require('./widening');

const BOM = '\uFEFF';

function options(filePath) {
  // A fixed date: "same answer twice" must not depend on the clock.
  return { rules: builtinRules, filePath, today: '2026-01-01' };
}

/** `Statement[1].Condition["StringEquals"]["acs:Service"][0]` → segments. */
function segments(p) {
  const out = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/gy;
  let m;
  while (re.lastIndex < p.length && (m = re.exec(p))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(`"${m[3]}"`));
  }
  return re.lastIndex === p.length || p === '' ? out : undefined;
}

/** Whether the path leads to a node. With duplicate keys a path is ambiguous: any of them may lead on. */
function resolves(root, p) {
  const segs = segments(p);
  if (!segs) return false;
  let nodes = [root];
  for (const seg of segs) {
    const next = [];
    for (const node of nodes) {
      if (typeof seg === 'number') {
        if (node.type === 'array' && node.children && seg < node.children.length) next.push(node.children[seg]);
      } else if (node.type === 'object') {
        for (const prop of node.children ?? []) if (prop.children?.[0]?.value === seg && prop.children[1]) next.push(prop.children[1]);
      }
    }
    if (next.length === 0) return false;
    nodes = next;
  }
  return true;
}

/** Where `offset` is, counted as the engine counts (LF, CRLF and CR end a line). */
function positionOf(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function checkResult(text, result) {
  const problems = [];
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const parsed = parseJson(body, { allowComments: /\.jsonc$/.test(result.filePath) });
  const all = [...result.messages, ...result.suppressedMessages];
  for (const m of all) {
    const where = `${m.ruleId} at ${m.line}:${m.column} "${m.path}"`;
    if (m.ruleId === 'internal-error') problems.push(`internal-error: ${m.message}`);
    if (!(m.offset >= 0 && m.offset <= m.endOffset && m.endOffset <= body.length)) problems.push(`range ${m.offset}..${m.endOffset} outside the text (${body.length}): ${where}`);
    else if (all.length <= 200) {
      const start = positionOf(body, m.offset);
      const end = positionOf(body, m.endOffset);
      if (start.line !== m.line || start.column !== m.column || end.line !== m.endLine || end.column !== m.endColumn) {
        problems.push(`positions ${m.line}:${m.column}-${m.endLine}:${m.endColumn} disagree with offsets (${start.line}:${start.column}-${end.line}:${end.column}): ${where}`);
      }
    }
    if (m.path !== '' && parsed.root && !resolves(parsed.root, m.path)) problems.push(`path does not resolve: ${where}`);
  }
  return problems;
}

function timed(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/**
 * All properties for one input; returns { problems, ms, widening, wideningMs },
 * where `widening` says whether the no-widening property judged a fix:
 * undefined when no fix changed the text, 'judged', or the reason it could
 * not judge; `wideningMs` is the time that judgement took.
 */
function checkInput(text, filePath, { perInputMs, fix }) {
  const problems = [];
  let first;
  let ms = 0;
  try {
    const run = timed(() => lintText(text, options(filePath)));
    first = run.value;
    ms = run.ms;
  } catch (error) {
    return { problems: [`lint threw: ${error && error.stack ? error.stack.split('\n').slice(0, 3).join(' | ') : String(error)}`], ms };
  }
  if (ms > perInputMs) problems.push(`lint took ${ms.toFixed(0)} ms (limit ${perInputMs})`);
  problems.push(...checkResult(text, first));
  try {
    const again = lintText(text, options(filePath));
    if (JSON.stringify(again) !== JSON.stringify(first)) problems.push('a second lint gave a different answer');
  } catch (error) {
    problems.push(`second lint threw: ${String(error)}`);
  }
  let widening;
  let wideningMs = 0;
  if (fix) {
    const fixed = checkFix(text, filePath, first, perInputMs);
    problems.push(...fixed.problems);
    widening = fixed.widening;
    wideningMs = fixed.wideningMs;
  }
  return { problems, ms, widening, wideningMs };
}

function checkFix(text, filePath, linted, perInputMs, judge = judgeFix) {
  const problems = [];
  let widening;
  let wideningMs = 0;
  try {
    const run = timed(() => fixText(text, options(filePath)));
    const once = run.value;
    if (run.ms > perInputMs * 4) problems.push(`fix took ${run.ms.toFixed(0)} ms (limit ${perInputMs * 4})`);
    if (!once.changed) return { problems };
    const wasValid = !linted.messages.some((m) => m.ruleId === 'invalid-json');
    const after = lintText(once.output, options(filePath));
    if (wasValid && after.messages.some((m) => m.ruleId === 'invalid-json')) problems.push('fix output does not parse');
    if (after.messages.some((m) => m.ruleId === 'internal-error')) problems.push('fix output has an internal-error');
    const twice = fixText(once.output, options(filePath));
    if (twice.changed) problems.push('fix is not idempotent: fixing the output changes it again');
    try {
      const judged = timed(() => judge(text, once.output, filePath));
      const verdict = judged.value;
      wideningMs = judged.ms;
      widening = verdict.judged ? 'judged' : verdict.reason;
      if (verdict.judged) problems.push(...verdict.problems);
    } catch (error) {
      widening = 'judged';
      problems.push(`the widening check threw: ${error && error.stack ? error.stack.split('\n').slice(0, 3).join(' | ') : String(error)}`);
    }
  } catch (error) {
    problems.push(`fix threw: ${String(error)}`);
  }
  return { problems, widening, wideningMs };
}

module.exports = { checkInput, checkFix, checkResult, segments, resolves };
