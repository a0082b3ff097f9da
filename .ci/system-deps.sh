#!/usr/bin/env bash
# Install the Debian packages named in list files, when we can: as root on
# Debian. Elsewhere, print the one apt line that would install them.
#
#   system-deps.sh [--window] LIST...
#
# With no LIST: the window's packages and the tests' (`make test`, `.ci/run`).
# --window (`make run`): the window cannot open without these, so when they are
# missing, cannot be installed and a display is there, print the apt line and
# fail instead of letting Qt abort with a message about its xcb plugin.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
window=0
if [ "${1:-}" = "--window" ]; then
    window=1
    shift
fi
lists=("$@")
if [ ${#lists[@]} -eq 0 ]; then
    lists=("$repo/installers/linux/qt-runtime-packages.txt" "$here/debian-packages.txt")
fi
for list in "${lists[@]}"; do
    if [ ! -r "$list" ]; then
        echo "system-deps: cannot read the package list $list" >&2
        exit 2
    fi
done
if ! command -v dpkg-query >/dev/null 2>&1; then
    exit 0  # not Debian: nothing we can check or install
fi
mapfile -t wanted < <(sed -e 's/#.*//' -e '/^\s*$/d' "${lists[@]}" | sort -u)
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    exit 0
fi
line="sudo apt-get install --no-install-recommends ${missing[*]}"
if [ "$window" = 1 ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    echo "The window needs Debian packages that are not installed. Run:" >&2
    echo "    $line" >&2
    exit 1
fi
echo "note: Debian packages missing (root is needed to install them): $line" >&2
