#!/usr/bin/env bash
# End-to-end check of .pre-commit-hooks.yaml with a real pre-commit.
#
# In a temporary git repository it points a .pre-commit-config.yaml at this
# checkout (by absolute path, rev = the HEAD commit), runs `pre-commit install`
# and then makes real commits:
#   0. the config files (ramlint.config.jsonc must not be linted) -> succeeds
#   0. ramlint's config and a package.json     -> commit succeeds (not policies)
#   1. a bad policy (ram:PassRole on "*")      -> commit refused, finding shown
#   2. the same file made good                -> commit succeeds
#   3. a bad policy under an ignored directory -> commit succeeds, ramlint's note shown
#   4. a fixable policy with the ramlint-fix hook -> refused with the file fixed,
#      then committed once the fix is staged
#
# pre-commit installs the hook from the commit, not from the working tree:
# uncommitted changes are reported and not tested. It builds its own
# environment with npm from its own clone, so node_modules/ and dist/ in this
# checkout do not matter.
#
# Needs: git, node + npm (with access to the npm registry), and pre-commit; when
# pre-commit is missing it is installed with apt-get (Debian's package) if this
# runs as root or with password-less sudo. Otherwise it prints
# "SKIPPED: pre-commit not available: <why>" and exits 0.
#
# Everything (pre-commit's cache via PRE_COMMIT_HOME, the git config, the test
# repository) lives in one temporary directory that is removed on exit; only
# npm's own download cache (~/.npm) is shared with the user.
# Usage: scripts/pre-commit-e2e.sh        Exit: 0 passed or skipped, 1 failed.
set -euo pipefail

started=$SECONDS
say() { printf '[pre-commit-e2e] %s\n' "$*"; }
fail() {
  printf '[pre-commit-e2e] FAIL: %s\n' "$*" >&2
  exit 1
}
skip() {
  printf 'SKIPPED: pre-commit not available: %s\n' "$*"
  exit 0
}

# Git variables set by an outer hook (e.g. when this runs inside a commit) would
# redirect every git command below; SKIP would make pre-commit skip hooks.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES \
  GIT_COMMON_DIR GIT_PREFIX GIT_NAMESPACE SKIP PRE_COMMIT_ALLOW_NO_CONFIG

# The checkout this script belongs to (not the current directory).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/ramlint-pre-commit-e2e.XXXXXX")"
cleanup() {
  chmod -R u+w "$tmp" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. find or install pre-commit ------------------------------------------
if ! command -v pre-commit >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || skip "it is not on PATH and there is no apt-get to install it with"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    sudo=(sudo -n)
  else
    skip "it is not on PATH, and installing it with apt-get needs root or password-less sudo"
  fi
  say "pre-commit is not on PATH; installing Debian's pre-commit package with apt-get"
  apt_log="$tmp/apt.log"
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends pre-commit >"$apt_log" 2>&1; then
    say "apt-get install failed; running apt-get update and trying again"
    "${sudo[@]}" apt-get update -q >>"$apt_log" 2>&1 || true
    if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends pre-commit >>"$apt_log" 2>&1; then
      tail -n 15 "$apt_log" | sed 's/^/    | /'
      skip "apt-get install pre-commit failed (last lines above)"
    fi
  fi
  command -v pre-commit >/dev/null 2>&1 || skip "apt-get installed the package but pre-commit is still not on PATH"
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  say "note: node/npm not on PATH; pre-commit will try to download Node with nodeenv"
fi

say "pre-commit: $(pre-commit --version 2>&1); node: $(node --version 2>/dev/null || echo none); npm: $(npm --version 2>/dev/null || echo none); $(git --version)"

# --- 2. an isolated environment ------------------------------------------------
export PRE_COMMIT_HOME="$tmp/pre-commit-home" # pre-commit's clones and node environments
export PRE_COMMIT_COLOR=never NO_COLOR=1
# A private global git config: no user hooksPath (pre-commit refuses to install
# with core.hooksPath set), templates or signing; the system config still applies.
export GIT_CONFIG_GLOBAL="$tmp/gitconfig"
git config --global user.name 'ramlint e2e'
git config --global user.email 'ramlint-e2e@example.invalid'
git config --global init.defaultBranch main
git config --global commit.gpgsign false
git config --global --add safe.directory "$root" # the checkout may belong to another user (CI containers)

# --- 3. what is being tested -------------------------------------------------
[ "$(git -C "$root" rev-parse --show-toplevel 2>/dev/null)" = "$root" ] || fail "$root is not the top of a git checkout"
rev="$(git -C "$root" rev-parse HEAD)"
say "hook repository: $root"
say "rev: $rev (HEAD)"
dirty="$(git -C "$root" --no-optional-locks status --porcelain)"
if [ -n "$dirty" ]; then
  say "WARNING: the checkout has uncommitted changes; pre-commit installs commit $rev, so these are NOT tested:"
  printf '%s\n' "$dirty" | head -n 20 | sed 's/^/    /'
fi
git -C "$root" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null ||
  fail "commit $rev has no .pre-commit-hooks.yaml; pre-commit can only use committed hooks, so commit it first"
git -C "$root" show "$rev:.pre-commit-hooks.yaml" >"$tmp/manifest.yaml"
pre-commit validate-manifest "$tmp/manifest.yaml" || fail ".pre-commit-hooks.yaml at $rev is not a valid pre-commit manifest"

work="$tmp/repo"
git init -q "$work"
cd "$work"

write_config() { # $1: "fix" to add the ramlint-fix hook before ramlint
  {
    printf 'repos:\n-   repo: %s\n    rev: %s\n    hooks:\n' "$root" "$rev"
    if [ "${1:-}" = fix ]; then printf -- '    -   id: ramlint-fix\n'; fi
    printf -- '    -   id: ramlint\n        args: [--max-warnings=0]\n        verbose: true\n'
  } >.pre-commit-config.yaml
}

# commit <expect: ok|refused> <message>; output in $out
commit() {
  local expect="$1" message="$2" before after rc t0=$SECONDS
  out="$tmp/commit-$((++commits)).log"
  before="$(git rev-list --count --all)"
  set +e
  git commit -q -m "$message" >"$out" 2>&1
  rc=$?
  set -e
  after="$(git rev-list --count --all)"
  sed 's/^/    | /' "$out"
  say "git commit \"$message\": exit $rc in $((SECONDS - t0))s"
  case "$expect" in
    ok)
      if [ "$rc" -ne 0 ] || [ "$after" -le "$before" ]; then
        install_hints
        fail "commit \"$message\" should have succeeded"
      fi
      ;;
    refused)
      if [ "$rc" -eq 0 ] || [ "$after" -ne "$before" ]; then
        fail "commit \"$message\" should have been refused"
      fi
      ;;
  esac
}

# Known ways for pre-commit's build of the hook environment to fail.
install_hints() {
  if grep -q 'seems to be corrupted' "$out" && grep -q '> ramlint@.* prepare' "$out"; then
    say "hint: pre-commit < 4.6.1 takes the stdout of 'npm pack' as the tarball name, and npm prints the"
    say "      '> ramlint@x prepare' banner there; 'foreground-scripts=false' in the repository's .npmrc"
    say "      (or NPM_CONFIG_FOREGROUND_SCRIPTS=false for pre-commit) keeps it out"
  fi
  if grep -q 'tsc: not found' "$out"; then
    say "hint: npm did not install devDependencies before running 'prepare' (npm install -g of a git"
    say "      package, npm/cli#8440: pre-commit >= 4.6.1 installs node hooks that way)"
  fi
}
expect_output() { # pattern, description
  grep -qE -- "$1" "$out" || fail "expected $2 in the output (pattern: $1)"
}
commits=0

write_config
cat >ramlint.config.jsonc <<'EOF'
{
  // Generated policies are checked where they are generated.
  "ignores": ["generated/**"]
}
EOF
say "pre-commit install"
pre-commit install 2>&1 | sed 's/^/    | /'

say "commit 0: the configuration and a package.json (JSON that is not a policy: passed over); builds the hook environment"
printf '{ "name": "policies-repo", "private": true }\n' >package.json
git add .pre-commit-config.yaml ramlint.config.jsonc package.json
commit ok "configuration"
expect_output '^ramlint\.+Passed' 'the ramlint hook passing over JSON that is not a policy'

say "commit 1: a bad policy, ram:PassRole on \"*\""
mkdir -p policies generated
cat >policies/pass-role.json <<'EOF'
{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ram:PassRole",
      "Resource": "*"
    }
  ]
}
EOF
git add policies/pass-role.json
commit refused "bad policy"
expect_output '^ramlint\.+Failed' 'the ramlint hook failing'
expect_output 'policies/pass-role\.json' 'the file name'
expect_output 'error .*passrole-wildcard-resource' "ramlint's passrole-wildcard-resource finding"

say "commit 2: the same policy, limited to one role and one service"
cat >policies/pass-role.json <<'EOF'
{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ram:PassRole",
      "Resource": "acs:ram::123456789012:role/ecs-app-role",
      "Condition": {
        "StringEquals": { "acs:Service": "ecs.aliyuncs.com" }
      }
    }
  ]
}
EOF
git add policies/pass-role.json
commit ok "good policy"
expect_output '^ramlint\.+Passed' 'the ramlint hook passing'

say "commit 3: a bad policy in an ignored directory (pre-commit names it; ramlint passes over it)"
cat >generated/pass-role.json <<'EOF'
{ "Version": "1", "Statement": [{ "Effect": "Allow", "Action": "ram:PassRole", "Resource": "*" }] }
EOF
git add generated/pass-role.json
commit ok "ignored policy"
expect_output '^ramlint\.+Passed' 'the ramlint hook passing'
expect_output 'generated/pass-role\.json: ignored by ramlint\.config\.jsonc' "ramlint's note on the ignored file"

say "commit 4: ramlint-fix removes a duplicate action; the commit stops so that the fix can be reviewed"
write_config fix
cat >policies/read-app-bucket.json <<'EOF'
{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["oss:GetObject", "oss:GetObject"],
      "Resource": "acs:oss:*:123456789012:app-bucket/*"
    }
  ]
}
EOF
git add .pre-commit-config.yaml policies/read-app-bucket.json
commit refused "fixable policy"
expect_output '^ramlint --fix\.+Failed' 'the ramlint-fix hook failing'
expect_output 'files were modified by this hook' "pre-commit's note that the hook changed files"
grep -q '"Action": \["oss:GetObject"\]' policies/read-app-bucket.json || fail "ramlint-fix did not remove the duplicate action"
git add policies/read-app-bucket.json
commit ok "fixed policy"
expect_output '^ramlint --fix\.+Passed' 'the ramlint-fix hook passing'

say "PASSED: the ramlint hooks refuse a bad policy, accept a good one, pass over an ignored file and apply fixes ($((SECONDS - started))s)"
