#!/usr/bin/env bash
# Installs Debian's Chromium (and a colour emoji font) for the browser tests when it is missing.
# Idempotent: does nothing when /usr/bin/chromium is already there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
  echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM") already installed."
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "ensure-chromium: $CHROMIUM is missing and this script is not running as root." >&2
  echo "  Install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-noto-color-emoji" >&2
  exit 1
fi

echo "ensure-chromium: installing Debian's chromium…"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-noto-color-emoji
echo "ensure-chromium: $("$CHROMIUM" --version) installed."
