#!/usr/bin/env bash
# The shell step of action.yml: install mtlint, write the SARIF report, then print the GitHub
# annotations (and the step summary). The exit code goes to $GITHUB_OUTPUT; this script exits 0
# so that the SARIF upload runs before the job fails.
#
# Environment: MTLINT_ARGS (paths and options), MTLINT_SARIF (report path), MTLINT_INSTALL (pip
# spec; default: this action's directory), MTLINT_PYTHON (a Python with mtlint already installed:
# no install), GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP (set by GitHub).
set -euo pipefail

action_dir="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
output="${GITHUB_OUTPUT:-/dev/null}"
sarif="${MTLINT_SARIF:-mtlint.sarif}"
read -r -a args <<< "${MTLINT_ARGS:-.}"

if [ -n "${MTLINT_PYTHON:-}" ]; then
  python="$MTLINT_PYTHON"
else
  venv="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/mtlint-venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${MTLINT_INSTALL:-$action_dir}"
  python="$venv/bin/python"
fi
"$python" -m checker --version

# First the SARIF report (it checks every file and fills the result cache)…
status=0
rm -f "$sarif"
"$python" -m checker check --format sarif --output "$sarif" "${args[@]}" || status=$?
if [ -s "$sarif" ]; then
  echo "sarif-written=true" >> "$output"
  # …then the annotations and the step summary, answered from the cache.
  "$python" -m checker check --format github "${args[@]}" || true
else
  echo "sarif-written=false" >> "$output"  # a usage error: already said once
fi
echo "exit-code=$status" >> "$output"
echo "mtlint: exit code $status; SARIF report in $sarif"
