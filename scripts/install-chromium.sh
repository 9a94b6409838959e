#!/usr/bin/env bash
# Installs what the browser tests (DevicesPage*IT) drive: Debian's chromium and chromium-driver,
# at /usr/bin/chromium and /usr/bin/chromedriver. Maven runs it before the integration tests
# (pre-integration-test), so `mvn verify` works on a new machine. Does nothing when both are
# there; uses sudo when not root; fails with a message, never silently, when it cannot install.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  echo "install-chromium: $CHROMIUM and $CHROMEDRIVER are installed"
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-chromium: the browser tests need $CHROMIUM and $CHROMEDRIVER; install them as root:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get here: install Chromium and its chromedriver so that" \
       "$CHROMIUM and $CHROMEDRIVER exist" >&2
  exit 1
fi

echo "install-chromium: installing Debian's chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends chromium chromium-driver

for binary in "$CHROMIUM" "$CHROMEDRIVER"; do
  if [[ ! -x "$binary" ]]; then
    echo "install-chromium: $binary is still missing after the install" >&2
    exit 1
  fi
done
"$CHROMIUM" --version
"$CHROMEDRIVER" --version
