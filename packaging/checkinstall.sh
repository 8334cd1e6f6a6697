#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the .deb with apt into a clean Debian 12 root and runs it there: apt must find
# every dependency in the archive, and the installed binary must run with nothing else.
#   checkinstall.sh [BUILD_DIR [OUT_DIR]]      (default build/dev and BUILD_DIR/package-install)
# The .deb is made with CPack like checkdeb.sh does (makedeb.sh), or PERFWB_DEB=FILE is taken.
# The clean root, `debootstrap --variant=minbase bookworm`, is made once and kept in
# PERFWB_DEB_ROOT_CACHE (default /var/cache/perfwb/bookworm-minbase); the package lists and
# .debs apt fetches are kept beside it (CACHE.apt/), so a warm run downloads only what
# changed. Each run works on an overlay of the root (a copy where overlayfs is missing) that
# is thrown away, so the cache stays clean. Inside `unshare --mount --pid --fork`, with
# /proc, /sys (read-only) and a minimal /dev mounted in the root, it runs
#   apt-get install -y ./perfwb_*.deb    (apt sources and proxy as the host's)
#   perfwb --version; perfwb record -o /tmp/t.perfwb -- /bin/true; perfwb info /tmp/t.perfwb
#   perfwb record --alloc (the installed tracker)
# and checks them. Every mount lives in that namespace and ends with it, failure or not.
# Needs root; exits 77 (skipped) without root or when the archive cannot be reached.
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin
src=$(realpath "$(dirname "${BASH_SOURCE[0]}")/..")
# shellcheck source=packaging/makedeb.sh
source "$src/packaging/makedeb.sh"
build=$(realpath "${1:-$src/build/dev}")
out=${2:-$build/package-install}
cache=${PERFWB_DEB_ROOT_CACHE:-/var/cache/perfwb/bookworm-minbase}
mirror=${PERFWB_DEB_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
fail=0
say() { echo "checkinstall: $*"; fail=1; }
skip() { echo "checkinstall: SKIPPED: $*"; exit 77; }
die() { echo "checkinstall: $*"; exit 1; }
[[ $(id -u) -eq 0 ]] || skip "needs root (debootstrap, chroot, mounts); run it as root"
start=$SECONDS
elapsed() { echo "$((SECONDS - ${1:-$start})) s"; }

# The archive answers (through the host's apt proxy, if any).
reachable() {
    local f
    f=$(mktemp)
    /usr/lib/apt/apt-helper -o Acquire::http::Timeout=20 -o Acquire::Retries=1 \
        download-file "$mirror/dists/$suite/InRelease" "$f" >/dev/null 2>&1
    local rc=$?
    rm -f "$f"
    return $rc
}
# The host's apt proxy, for debootstrap (wget) as well as for apt in the root.
proxy=$(apt-config dump | sed -n 's/^Acquire::http::Proxy "\(.*\)";$/\1/p')
if [[ -n $proxy && -z ${http_proxy:-} ]]; then export http_proxy=$proxy; fi

if ! command -v debootstrap >/dev/null; then
    echo "checkinstall: installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null 2>&1; } ||
        { reachable || skip "debootstrap is missing and $mirror cannot be reached to install it"; }
    command -v debootstrap >/dev/null || die "apt-get install debootstrap failed"
fi

# One run at a time per cache: the lock is held until the end.
mkdir -p "$(dirname "$cache")" "$out"
exec 9>"$cache.lock"
flock -w 1800 9 || die "another checkinstall.sh holds $cache.lock"
# Leftovers of killed runs: nothing of ours is mounted on the host (private namespaces),
# --one-file-system makes sure rm never crosses into a mount anyway.
for d in "$cache".run.* "$cache".new.*; do
    [[ -d $d ]] || continue
    if findmnt -rno TARGET | grep -qF "$d"; then die "$d has mounts on the host; not removing it"; fi
    rm -rf --one-file-system "$d"
done

if [[ ! -d $cache ]]; then
    echo "checkinstall: making the clean root $cache (debootstrap --variant=minbase $suite, once)"
    t=$SECONDS
    new=$(mktemp -d "$cache.new.XXXXXX")
    # In its own mount and pid namespace: debootstrap mounts /proc and /sys in the root.
    if ! unshare --mount --pid --fork --kill-child \
        debootstrap --variant=minbase "$suite" "$new" "$mirror" >"$out/debootstrap.log" 2>&1; then
        rm -rf --one-file-system "$new"
        reachable || skip "debootstrap cannot reach $mirror: $(grep -m1 -E '^[EW]:' "$out/debootstrap.log" || tail -n1 "$out/debootstrap.log")"
        die "debootstrap failed: $(tail -n 3 "$out/debootstrap.log" | tr '\n' ' ')"
    fi
    rm -rf "$new/var/cache/apt/archives/"*.deb "$new/var/lib/apt/lists/"*_* 2>/dev/null || true
    mv "$new" "$cache"
    echo "checkinstall: clean root made in $(elapsed "$t"), $(du -sh "$cache" | cut -f1)"
fi
mkdir -p "$cache.apt/archives/partial" "$cache.apt/lists/partial"

if [[ -n ${PERFWB_DEB:-} ]]; then
    deb=$(realpath "$PERFWB_DEB")
else
    t=$SECONDS
    deb=$(make_deb "$build" "$out/deb") || die "cpack failed (log above)"
    echo "checkinstall: $(basename "$deb") made by cpack in $(elapsed "$t")"
fi
[[ -f $deb ]] || die "no .deb: $deb"

run=$(mktemp -d "$cache.run.XXXXXX")
# shellcheck disable=SC2317 # the EXIT trap
cleanup() {
    if findmnt -rno TARGET | grep -qF "$run"; then
        echo "checkinstall: $run still has mounts on the host; left in place"
    else
        rm -rf --one-file-system "$run"
    fi
}
trap cleanup EXIT
mkdir -p "$run/root" "$run/upper" "$run/work" "$run/etc"
logs=$out/logs
rm -rf "$logs"
mkdir -p "$logs"

# The root's apt configuration, like the host's: its Debian sources (bookworm suites; a
# third-party source would need keys the root lacks) and its proxy and date checks.
is_debian_source() {
    awk '/^[[:space:]]*#/ { next }
         /^[[:space:]]*deb(-src)?[[:space:]]/ { l = $0; sub(/\[[^]]*\]/, "", l); split(l, f); n++
                                                 if (f[3] !~ /^bookworm(-updates|-security|-backports)?$/) bad = 1 }
         /^Suites:/ { n++; for (i = 2; i <= NF; i++) if ($i !~ /^bookworm(-updates|-security|-backports)?$/) bad = 1 }
         END { exit !(n && !bad) }' "$1"
}
mkdir -p "$run/etc/sources.list.d"
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] && is_debian_source "$f" && cp "$f" "$run/etc/sources.list.d/$(basename "$f" | sed 's/^sources\.list$/host.list/')"
done
if [[ -z $(ls "$run/etc/sources.list.d") ]]; then
    printf 'deb %s %s main\ndeb %s %s-updates main\ndeb http://deb.debian.org/debian-security %s-security main\n' \
        "$mirror" "$suite" "$mirror" "$suite" "$suite" >"$run/etc/sources.list.d/debian.list"
fi
apt-config dump | grep -E '^Acquire::((https?|ftp)::Proxy|Check-Valid-Until|Check-Date)' >"$run/etc/90perfwb-host" || true
install -m 644 "$deb" "$run/etc/"

# Runs in the new namespaces (pid 1 there): mounts, apt, perfwb. Each step's output goes
# to LOGS/STEP.log; the first failing step or mount is named in LOGS/failed.
# shellcheck disable=SC2317 # called through declare -f
inside() {
    set -uo pipefail
    local cache=$1 run=$2 logs=$3 root=$2/root d
    must() { "$@" || { echo "$*" >"$logs/failed"; exit 1; }; }
    step() { # NAME COMMAND...: runs COMMAND in the root, output to LOGS/NAME.log
        local name=$1
        shift
        chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            HOME=/root LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive TERM=dumb "$@" >"$logs/$name.log" 2>&1 ||
            { echo "$name" >"$logs/failed"; exit 1; }
    }
    if mount -t overlay overlay -o "lowerdir=$cache,upperdir=$run/upper,workdir=$run/work" "$root" 2>/dev/null; then
        echo overlay >"$logs/mode"
    else
        must cp -a --reflink=auto "$cache/." "$root/"
        echo copy >"$logs/mode"
    fi
    must mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
    must mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys"
    must mount -t tmpfs -o nosuid,mode=755 tmpfs "$root/dev"
    for d in null zero full random urandom tty; do
        must touch "$root/dev/$d"
        must mount --bind "/dev/$d" "$root/dev/$d"
    done
    must mkdir "$root/dev/pts" "$root/dev/shm"
    must mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root/dev/pts"
    must mount -t tmpfs -o nosuid,nodev,mode=1777 tmpfs "$root/dev/shm"
    ln -s pts/ptmx "$root/dev/ptmx"
    ln -s /proc/self/fd "$root/dev/fd"
    ln -s /proc/self/fd/0 "$root/dev/stdin"
    ln -s /proc/self/fd/1 "$root/dev/stdout"
    ln -s /proc/self/fd/2 "$root/dev/stderr"
    must mount --bind "$cache.apt/archives" "$root/var/cache/apt/archives"
    must mount --bind "$cache.apt/lists" "$root/var/lib/apt/lists"
    rm -f "$root/etc/resolv.conf" "$root/etc/apt/sources.list" "$root/etc/apt/sources.list.d/"*
    must cp -L /etc/resolv.conf "$root/etc/resolv.conf"
    must cp "$run/etc/sources.list.d/"* "$root/etc/apt/sources.list.d/"
    must cp "$run/etc/90perfwb-host" "$root/etc/apt/apt.conf.d/"
    must cp "$run/etc/"*.deb "$root/tmp/"

    step apt-update apt-get update
    # What a user types; unsafe-io only spares dpkg's fsyncs in a root thrown away after.
    step apt-install sh -c 'cd /tmp && apt-get install -y -o Dpkg::Options::=--force-unsafe-io ./perfwb_*.deb'
    # shellcheck disable=SC2016 # dpkg-query's format
    step dpkg-status dpkg-query -W -f '${Status} ${Version}\n' perfwb
    step ldd ldd /usr/bin/perfwb /usr/lib/libperfwb_alloctrack.so
    step version perfwb --version
    step record perfwb record -o /tmp/t.perfwb -- /bin/true
    step info perfwb info /tmp/t.perfwb
    step alloc perfwb record --alloc --no-cpu -o /tmp/alloc.perfwb -- /bin/ls /
    exit 0
}
t=$SECONDS
rc=0
unshare --mount --pid --fork --kill-child --propagation private \
    bash -c "$(declare -f inside); inside \"\$@\"" inside "$cache" "$run" "$logs" || rc=$?
inside_time=$(elapsed "$t")
mode=$(cat "$logs/mode" 2>/dev/null || echo "?")
if ((rc != 0)); then
    failed=$(cat "$logs/failed" 2>/dev/null || echo "namespace setup (exit $rc)")
    log="$logs/$failed.log"
    if [[ $failed == apt-* ]] && ! reachable; then skip "apt in the root cannot reach $mirror"; fi
    if [[ -f $log ]]; then
        die "$failed failed in the clean root: $(tail -n 5 "$log" | tr -s "\n\t " "   ") (log: $log)"
    fi
    die "$failed failed in the clean root"
fi

# The checks.
newly=$(grep -oE '[0-9]+ newly installed' "$logs/apt-install.log" || echo "? newly installed")
grep -q "^install ok installed" "$logs/dpkg-status.log" || say "perfwb is not installed: $(cat "$logs/dpkg-status.log")"
if grep -q "not found" "$logs/ldd.log"; then say "libraries missing in the root: $(grep "not found" "$logs/ldd.log" | tr -s '\t\n' '  ')"; fi
version=$(head -n1 "$logs/version.log")
if [[ $version =~ ^perfwb\ [0-9][^\ ]*\ \(git\ ([0-9a-f]{7,40})(-dirty)?\)$ ]]; then
    commit=${BASH_REMATCH[1]}
    if git -C "$src" rev-parse --git-dir >/dev/null 2>&1 && ! git -C "$src" cat-file -e "$commit^{commit}" 2>/dev/null; then
        say "--version names commit $commit, which is not in $src"
    fi
else
    say "--version gave '$version', not 'perfwb VERSION (git COMMIT)'"
fi
grep -q -- '-> /tmp/t.perfwb' "$logs/record.log" || say "record did not write /tmp/t.perfwb: $(cat "$logs/record.log")"
grep -qE '^command: +/bin/true$' "$logs/info.log" || say "info does not show the command /bin/true: $(head -n 5 "$logs/info.log" | tr '\n' ' ')"
grep -qE '^exit: +code 0$' "$logs/info.log" || say "info does not show exit code 0: $(grep '^exit' "$logs/info.log")"
grep -q "allocations tracked" "$logs/alloc.log" || say "the installed tracker was not used: $(cat "$logs/alloc.log")"
[[ $fail -eq 0 ]] && echo "checkinstall: $(basename "$deb") installed by apt into a clean $suite minbase root ($mode," \
    "$newly) and run there: $version; record, info, record --alloc; $inside_time in the root, $(elapsed) in all"
exit $fail
