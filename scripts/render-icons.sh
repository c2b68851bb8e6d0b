#!/usr/bin/env bash
# Renders assets/icon.svg to the PNG sizes the manifests use, with Debian's
# headless Chromium (no extra npm dependency). Run after editing the SVG; the
# PNGs are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
svg="$(pwd)/assets/icon.svg"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for size in 16 32 48 128; do
  cat >"$tmp/icon.html" <<HTML
<!doctype html><html><head><style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style></head>
<body><img src="file://$svg"></body></html>
HTML
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$size,$size" --screenshot="$(pwd)/public/icon/$size.png" "file://$tmp/icon.html" >/dev/null 2>&1
  echo "public/icon/$size.png"
done
