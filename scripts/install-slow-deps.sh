#!/usr/bin/env bash
# Debian packages that the tests marked `slow` need (`make test-slow`):
#   virtuoso-opensource                         tests/store/test_virtuoso.py (virtuoso-t, isql-vt)
#   libreoffice-writer-nogui, libreoffice-draw-nogui (PNG export), fonts-liberation
#                                               tests/generators/test_render_libreoffice.py
#   chromium                                    tests/web/test_browser.py (Playwright drives Debian's Chromium)
# Idempotent: prints nothing and changes nothing when everything is installed already.
set -euo pipefail

packages=(virtuoso-opensource libreoffice-writer-nogui libreoffice-draw-nogui fonts-liberation chromium)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-slow-deps: apt-get not found; install by hand: ${missing[*]}" >&2
    exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi

echo "install-slow-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null
# The package's own service is not wanted (tests start virtuoso-t themselves); in containers
# policy-rc.d already keeps it from starting.
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
