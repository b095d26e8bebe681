#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (no test tool may download
# its own browser). On a fresh machine where we are root, install it; elsewhere say how.
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "浏览器测试需要 Chromium，正在用 apt-get 安装（只此一次）……" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "浏览器测试需要 Debian 的 Chromium（/usr/bin/chromium）：请先运行 sudo apt-get install -y chromium。" >&2
exit 1
