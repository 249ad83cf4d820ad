#!/usr/bin/env bash
# Renders an HTML report to PNG with headless Chromium, to look at it as a reader would.
# Usage: scripts/render-report.sh demo-round/report.html [out.png]
set -euo pipefail
html=$(realpath "$1")
png=${2:-${1%.html}.png}
if ! command -v chromium >/dev/null; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core
fi
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,1754 --screenshot="$png" "file://$html" 2>/dev/null
echo "$png"
