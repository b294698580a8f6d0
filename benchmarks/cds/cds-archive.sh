#!/bin/sh
# Builds a static AppCDS archive for a tool's runnable JAR, so that its launch command starts with the tool's classes
# (picocli, drivers, Jackson) already parsed and verified. Used by each tool's Maven build (package phase) and by the
# Dockerfile (inside the image, with the image's own runtime).
#
#   cds-archive.sh JAVA JAR ARCHIVE TRAINING [SAMPLES]
#
# Each line of the TRAINING file is one run of `JAVA -jar JAR <line>` (shell words; leading NAME=value words are
# environment variables; $WORK is a scratch folder, $SAMPLES the repository's compose/ folder with the sample
# migrations and seed files, when given). The runs need no server: they go as far as the tool gets without
# one (parse, read files, load the driver, fail to connect), which covers most of what a no-op run loads. Their class
# lists are merged (duplicate lines crash the dump on JDK 17), dumped with -Xshare:dump (a static archive: the dynamic
# -XX:ArchiveClassesAtExit skips picocli, whose class files are Java 5), and the archive is checked with -Xshare:on.
#
# Never fails the build: on any problem it prints a warning, leaves no archive, and exits 0. The tools then start
# without it (-Xshare:auto, the default, ignores a missing or stale archive silently).
set -u
absolute() { case $1 in /* | '') echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
JAVA=${1:-java}
JAR=$(absolute "${2:-}")
ARCHIVE=$(absolute "${3:-}")
TRAINING=$(absolute "${4:-}")
SAMPLES=$(absolute "${5:-}")

warn() {
    echo "[cds] WARNING: no AppCDS archive for ${JAR##*/}: $*" >&2
    rm -f "$ARCHIVE" "$ARCHIVE.tmp"
    exit 0
}

[ -n "$ARCHIVE" ] || { echo "[cds] WARNING: usage: cds-archive.sh JAVA JAR ARCHIVE TRAINING [SAMPLES]" >&2; exit 0; }
[ -f "$JAR" ] || warn "$JAR does not exist"
[ -f "$TRAINING" ] || warn "training file $TRAINING does not exist"
WORK=${ARCHIVE%.jsa}-cds
rm -rf "$WORK" "$ARCHIVE" "$ARCHIVE.tmp"
mkdir -p "$WORK" || warn "cannot create $WORK"
# a VM crash report goes next to the class lists, never into the current folder
VMFLAGS="-XX:ErrorFile=$WORK/hs_err_%p.log -Xshare:auto"
LIMIT=""
command -v timeout >/dev/null 2>&1 && LIMIT="timeout 120"

n=0
while IFS= read -r line || [ -n "$line" ]; do
    case $line in '' | '#'*) continue ;; esac
    n=$((n + 1))
    (
        eval "set -- $line"
        while [ $# -gt 0 ]; do
            case $1 in [A-Z]*=*) export "$1"; shift ;; *) break ;; esac
        done
        cd "$WORK" && exec $LIMIT "$JAVA" $VMFLAGS -XX:DumpLoadedClassList="$WORK/run$n.classlist" -jar "$JAR" "$@"
    ) </dev/null >"$WORK/run$n.log" 2>&1
    echo "[cds] training run $n (exit $?): $line" >>"$WORK/training.log"
done <"$TRAINING"
[ "$n" -gt 0 ] || warn "no training runs in $TRAINING"

cat "$WORK"/run*.classlist 2>/dev/null | awk '!seen[$0]++' >"$WORK/classes.classlist"
[ -s "$WORK/classes.classlist" ] || warn "the training runs produced no class list (see $WORK/run*.log)"

$LIMIT "$JAVA" -XX:ErrorFile="$WORK/hs_err_%p.log" -Xshare:dump -XX:SharedClassListFile="$WORK/classes.classlist" \
    -XX:SharedArchiveFile="$ARCHIVE.tmp" -cp "$JAR" >"$WORK/dump.log" 2>&1 \
    || warn "-Xshare:dump failed (see $WORK/dump.log)"
mv -f "$ARCHIVE.tmp" "$ARCHIVE" || warn "cannot move the archive into place"
"$JAVA" -XX:ErrorFile="$WORK/hs_err_%p.log" -XX:SharedArchiveFile="$ARCHIVE" -Xshare:on -jar "$JAR" --version \
    >"$WORK/check.log" 2>&1 || warn "the JVM refuses the archive (see $WORK/check.log)"
CLASSES=$(wc -l <"$WORK/classes.classlist")
echo "[cds] ${ARCHIVE##*/}: $CLASSES classes from $n training runs, $(($(wc -c <"$ARCHIVE") / 1048576)) MB"
