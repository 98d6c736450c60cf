# shellcheck shell=bash
# scripts/lib/install.sh: installs the Debian packages the tests need (only the missing ones).
# Sourced by scripts/test.sh; uses its settings and bookkeeping (log, warn, add_counts, stage_problem,
# run_bounded, TMP_ROOT, RESULTS_DIR, CONFIGURATION).
apt_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_requirements() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do apt_installed "$pkg" || missing+=("$pkg"); done
  if [[ ! -x "$PG_BIN/initdb" ]]; then
    missing+=("$PG_APT_PACKAGE")
    # Stop Debian's package from creating (and starting) its own "main"
    # cluster on 5432: we only want the binaries.
    if [[ $EUID -eq 0 ]]; then
      mkdir -p /etc/postgresql-common/createcluster.d
      echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/latchkey-no-main.conf
    fi
  fi
  ((${#missing[@]})) || return 0

  log "installing: ${missing[*]}"
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || { warn "not root and no sudo; please install: ${missing[*]}"; return 1; }
    sudo=(sudo)
  fi
  local aptlog="$TMP_ROOT/apt.log"
  export DEBIAN_FRONTEND=noninteractive
  if ! { "${sudo[@]}" apt-get update -qq && \
         "${sudo[@]}" apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}"; } \
       </dev/null >"$aptlog" 2>&1; then
    tail -n 30 "$aptlog" >&2
    warn "apt-get install failed"
    return 1
  fi
}
