#!/usr/bin/env bash
# Debian packages the test suite needs; installs only what is missing, and only where it can (root + apt).
set -euo pipefail
needed=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || needed+=(fonts-dejavu-core)
# The browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
[ -x /usr/bin/chromium ] || needed+=(chromium)
if [ ${#needed[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "missing Debian packages: ${needed[*]} (install them as root); tests that need them are skipped" >&2
  exit 0
fi
apt-get update -qq >/dev/null && apt-get install -y -qq "${needed[@]}" >/dev/null
