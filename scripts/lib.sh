# Shared by the scripts: install Debian packages only when asked for.
apt_updated=""
apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if [ -z "$apt_updated" ]; then
    $sudo apt-get update -qq >&2
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Node.js and the npm packages of package-lock.json (esbuild for the single-file build,
# playwright-core and papaparse for tests and benchmarks).
node_deps() {
  local need=()
  command -v node >/dev/null || need+=(nodejs)
  command -v npm >/dev/null || need+=(npm)
  [ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
  if [ ! -d node_modules/esbuild ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund >&2
  fi
}
