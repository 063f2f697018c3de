#!/usr/bin/env bash
# Render a briefing HTML file to a PNG the way a reader sees it (headless Chromium), to check it by eye.
# Usage: scripts/render-briefing.sh BRIEFING.html OUT.png [WIDTH] [HEIGHT]
# Needs Debian's `chromium` (apt-get install chromium) and, to shrink the PNG, `pngquant` or ImageMagick if present.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 BRIEFING.html OUT.png [WIDTH] [HEIGHT]" >&2
  exit 2
fi
in=$(realpath "$1")
out=$2
width=${3:-1200}
height=${4:-3000}
if ! command -v chromium >/dev/null; then
  echo "error: chromium is not installed; install it with: apt-get install chromium" >&2
  exit 1
fi
[ -f "$in" ] || { echo "error: no such file: $1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
  --user-data-dir="$tmp/profile" --window-size="$width,$height" --screenshot="$tmp/shot.png" "file://$in" \
  >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
if command -v pngquant >/dev/null; then
  pngquant --force --quality 60-90 --output "$out" "$tmp/shot.png" || cp "$tmp/shot.png" "$out"
else
  cp "$tmp/shot.png" "$out"
fi
echo "$out ($(du -k "$out" | cut -f1) KB)"
