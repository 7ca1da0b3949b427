#!/usr/bin/env bash
# Installs what the tests need, then runs every test. This is the README's test command
# and what .ci/run calls; it works on a fresh machine with Node 20 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages some tests need, installed only when missing.
need_packages=()
# The browser tests (src/http/browser.test.ts) drive Debian's chromium with playwright-core.
if [ ! -x /usr/bin/chromium ]; then need_packages+=(chromium); fi
if [ "${#need_packages[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  # Without apt or the right to use it, carry on: the tests that need a package skip and say so.
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need_packages[@]}"; }; then
    echo "scripts/test.sh: could not install ${need_packages[*]}; the tests that need them will skip" >&2
  fi
fi

npm ci --no-audit --no-fund
npm run build
npm run typecheck
npm run lint
npm run test:unit
