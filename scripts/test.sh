#!/usr/bin/env bash
# Installs what the tests need, then runs every test. This is the README's test command
# and what .ci/run calls; it works on a fresh machine with Node 20 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages some tests need (none yet for the core; later issues add chromium etc.).
need_packages=()
if [ "${#need_packages[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need_packages[@]}"
fi

npm ci --no-audit --no-fund
npm run build
npm run typecheck
npm run lint
npm run test:unit
