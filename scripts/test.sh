#!/usr/bin/env bash
# The one command that runs every MotCua test.
#
#   scripts/test.sh            (CI: .ci/run)
#
# - installs missing Debian packages the tests need (chromium, poppler-utils, fonts-dejavu-core)
# - starts a throwaway PostgreSQL 15 cluster (scripts/pg-cluster.sh), exports MOTCUA_TEST_POSTGRES,
#   and always removes it on exit
# - builds MotCua.slnx once (Release), then runs each test project in order, continuing after a
#   failing one; TRX files go to $MOTCUA_TEST_RESULTS (default: TestResults/ at the repo root)
# - last line of output, alone: "N passed, N failed, N skipped"
# - exit 0 only when every project ran, nothing failed and at least one test passed
#
# Optional env: MOTCUA_TEST_RESULTS (results folder), MOTCUA_TEST_HANG_TIMEOUT (per project hang
# timeout for `dotnet test --blame-hang-timeout`, default 20m).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

TEST_PROJECTS=(
  tests/MotCua.UnitTests
  tests/MotCua.ArchitectureTests
  tests/MotCua.IntegrationTests
  tests/MotCua.BrowserTests
)

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

RESULTS_DIR="${MOTCUA_TEST_RESULTS:-$ROOT/TestResults}"
HANG_TIMEOUT="${MOTCUA_TEST_HANG_TIMEOUT:-20m}"

PASSED=0
FAILED=0
SKIPPED=0
PG_DIR=""
CHILD=""

section() { printf '\n==> %s\n' "$*"; }

cleanup() {
  if [[ -n "$CHILD" ]]; then
    # The child runs in its own session (setsid): end its whole process group.
    kill -TERM -- "-$CHILD" 2>/dev/null || kill -TERM "$CHILD" 2>/dev/null || true
    sleep 1
    kill -KILL -- "-$CHILD" 2>/dev/null || true
    CHILD=""
  fi
  if [[ -n "$PG_DIR" ]]; then
    bash "$ROOT/scripts/pg-cluster.sh" stop "$PG_DIR" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR" 2>/dev/null || true
    PG_DIR=""
  fi
}
trap cleanup EXIT
trap 'echo "test.sh: interrupted" >&2; exit 130' INT
trap 'echo "test.sh: terminated" >&2; exit 143' TERM

# Run a command in its own process group, in the background, so INT/TERM reach our traps at once
# and cleanup can end the whole tree (dotnet, testhost, browsers). Returns the command's status.
run() {
  setsid "$@" </dev/null &
  CHILD=$!
  wait "$CHILD"
  local rc=$?
  CHILD=""
  return "$rc"
}

summary_and_exit() {
  local code="$1"
  cleanup
  echo
  echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
  exit "$code"
}

# ---------------------------------------------------------------- system packages
section "System packages"
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "chromium, poppler-utils, fonts-dejavu-core: present"
elif [[ "$(id -u)" -ne 0 ]]; then
  echo "WARNING: missing Debian packages: ${missing[*]} (not root, cannot install)." >&2
  echo "         Install them with: sudo apt-get install -y ${missing[*]}" >&2
  echo "         Tests that need them (browser/PDF tests) will fail." >&2
else
  echo "installing: ${missing[*]}"
  apt_log="$(mktemp)"
  if DEBIAN_FRONTEND=noninteractive apt-get update -q >"$apt_log" 2>&1 \
     && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >>"$apt_log" 2>&1; then
    echo "installed: ${missing[*]}"
  else
    tail -n 30 "$apt_log" >&2
    echo "WARNING: apt-get could not install ${missing[*]}; tests that need them will fail." >&2
  fi
  rm -f "$apt_log"
fi
if [[ -x /usr/bin/chromium ]]; then
  export MOTCUA_CHROMIUM=/usr/bin/chromium
fi

# ---------------------------------------------------------------- PostgreSQL
section "PostgreSQL"
PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/motcua-pg.XXXXXX")"
if bash "$ROOT/scripts/pg-cluster.sh" start "$PG_DIR"; then
  MOTCUA_TEST_POSTGRES="$(cat "$PG_DIR/connection")"
  export MOTCUA_TEST_POSTGRES
  echo "throwaway cluster on 127.0.0.1:$(cat "$PG_DIR/port")"
else
  echo "WARNING: could not start PostgreSQL; tests that need it will fail." >&2
fi

# ---------------------------------------------------------------- build
section "Build (dotnet build MotCua.slnx -c Release)"
if [[ ! -f MotCua.slnx ]]; then
  echo "FAILED: MotCua.slnx not found in $ROOT" >&2
  FAILED=1
  summary_and_exit 1
fi
build_flags=()
# In CI, leave no compiler servers behind.
[[ -n "${CI:-}" ]] && build_flags+=(--disable-build-servers)
if ! run dotnet build MotCua.slnx -c Release -nologo "${build_flags[@]}"; then
  echo
  echo "FAILED: build failed (see errors above); no tests were run." >&2
  FAILED=1
  summary_and_exit 1
fi

# ---------------------------------------------------------------- tests
# The default results folder is ours: start it empty. A custom one only loses our TRX files.
[[ -z "${MOTCUA_TEST_RESULTS:-}" ]] && rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
# Read one attribute of the <Counters .../> element of a TRX file (0 when absent).
trx_counter() {
  local v
  v="$(grep -o '<Counters [^>]*>' "$1" | head -n1 | grep -oE " $2=\"[0-9]+\"" | grep -oE '[0-9]+')"
  echo "${v:-0}"
}

ran_all=1
projects_run=0
report=()
for proj in "${TEST_PROJECTS[@]}"; do
  name="$(basename "$proj")"
  target=""
  if [[ -f "$proj/$name.csproj" ]]; then
    target="$proj/$name.csproj"
  elif [[ -d "$proj" ]] && compgen -G "$proj/*.csproj" >/dev/null; then
    target="$proj"
  else
    continue
  fi
  projects_run=$((projects_run + 1))
  section "Test $name"
  trx="$RESULTS_DIR/$name.trx"
  rm -f "$trx"
  run dotnet test "$target" --no-build -c Release -nologo \
    --results-directory "$RESULTS_DIR" \
    --logger "trx;LogFileName=$name.trx" \
    --logger "console;verbosity=normal" \
    --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none
  rc=$?
  if [[ -f "$trx" ]]; then
    p="$(trx_counter "$trx" passed)"
    f=$(( $(trx_counter "$trx" failed) + $(trx_counter "$trx" error) \
        + $(trx_counter "$trx" timeout) + $(trx_counter "$trx" aborted) ))
    # VSTest's TRX logger often leaves notExecuted="0" for skipped tests; count them directly too.
    s="$(trx_counter "$trx" notExecuted)"
    s_results="$(grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" | wc -l)"
    (( s_results > s )) && s=$s_results
    if [[ $rc -ne 0 && $f -eq 0 ]]; then
      echo "FAILED: dotnet test for $name exited $rc but its TRX records no failure; counting 1 failed." >&2
      f=1
    fi
  else
    # No TRX means the project did not run (e.g. not built/restored: `dotnet test --no-build`
    # then silently exits 0). Count it as one failure either way.
    p=0; s=0; f=1
    echo "FAILED: dotnet test for $name exited $rc without writing $trx (is the project in MotCua.slnx?); counting 1 failed." >&2
    ran_all=0
  fi
  [[ $rc -eq 0 ]] || ran_all=0
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + s))
  report+=("$(printf '%-32s %5d passed, %d failed, %d skipped (exit %d)' "$name" "$p" "$f" "$s" "$rc")")
done

section "Summary (TRX files in $RESULTS_DIR)"
if [[ $projects_run -eq 0 ]]; then
  echo "FAILED: no test project found (${TEST_PROJECTS[*]})" >&2
fi
for line in "${report[@]}"; do echo "  $line"; done

if [[ $projects_run -gt 0 && $ran_all -eq 1 && $FAILED -eq 0 && $PASSED -gt 0 ]]; then
  summary_and_exit 0
fi
[[ $PASSED -gt 0 || $FAILED -gt 0 ]] || echo "FAILED: no test passed." >&2
summary_and_exit 1
