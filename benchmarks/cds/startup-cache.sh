#!/bin/sh
# A tool's launcher and start-up caches, made in its `package` phase (the `startup-cache` execution in the parent POM)
# and in the image (Dockerfile). See benchmarks/README.md, "The launcher and its caches".
#
#   startup-cache.sh NAME MAIN_CLASS DIR JAVA TRAINING SAMPLES OPTIONS SKIP AOT_JAVA [SERVERS_CLASSPATH]
#
#   MAIN_CLASS the tool's main class, or - for the JAR manifest's Main-Class
#
#   NAME      file names: DIR/NAME.jar is the runnable JAR; written: DIR/bin/NAME (the launcher, a copy of ./launcher),
#             DIR/NAME.launch (what the launcher reads), DIR/NAME.jsa, DIR/NAME.aot
#   JAVA      the JVM that makes the AppCDS archive (the build's JDK 17; `none` for no archive)
#   TRAINING  the training file (lines for dev.stackinit.cli.Training, which runs them all in one JVM)
#   SAMPLES   the repository's compose/ folder ($SAMPLES in the training lines; $TRAINING is the training file's folder,
#             $WORK a scratch folder)
#   OPTIONS   the tool's JVM options: the launcher's, and the training runs' (a cache should see the flags it serves)
#   SKIP      true: only the launcher and NAME.launch, no caches (-Dcds.skip=true)
#   AOT_JAVA  the JDK 25+ for the AOT cache: a path to its java, `auto` (the build's JVM if it is 25+, else the newest
#             25+ under /usr/lib/jvm or /Library/Java/JavaVirtualMachines), or `none`
#   SERVERS_CLASSPATH  when given and the training file names $PG_… or $MONGO_…, the training runs get stand-in
#             servers (embedded PostgreSQL, mongo-java-server) started with that classpath
#             (dev.stackinit.embedded.StandInServers): $PG_URL, $PG_ADMIN_URL, $PG_PASSWORD, $MONGO_URI, $MONGO_URI_2, a
#             fresh set for each cache. `none` (the image build): no servers, and the runs that need them are skipped,
#             not failed
#
# Each training run must end with its expected exit code; a failed run is printed with the end of its output as
# `[startup] WARNING`, and the cache is still made from the runs that passed (a cache only makes start-up faster; the
# tool is the same with or without it). Nothing here fails the build: without a cache the launcher starts plain java.
set -u
absolute() { case $1 in /* | '') echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
NAME=$1
MAIN=$2
DIR=$(absolute "$3")
JAVA=$4
TRAINING=$(absolute "$5")
SAMPLES=$(absolute "$6")
OPTIONS=$7
SKIP=$8
AOT_JAVA=$9
SERVERS_CP=${10:-}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=$DIR/$NAME.jar
WORK=$DIR/startup-cache
LIMIT=""
command -v timeout >/dev/null 2>&1 && LIMIT="timeout 300"

say() { echo "[startup] $NAME: $*"; }
warn() { echo "[startup] WARNING: $NAME: $*" >&2; }

# The JDK 25+ to train the AOT cache with, or nothing.
feature() { # the feature release of a java executable, from its home's release file (no JVM start)
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "${1%/bin/java}/release" 2>/dev/null
}
find_aot_java() {
    case $AOT_JAVA in
        none | '') return ;;
        auto) ;;
        *) echo "$AOT_JAVA"; return ;;
    esac
    if [ "$(feature "$JAVA")" -ge 25 ] 2>/dev/null; then
        echo "$JAVA"
        return
    fi
    best= best_feature=0
    for candidate in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
        [ -x "$candidate" ] || continue
        f=$(feature "$candidate")
        if [ "${f:-0}" -ge 25 ] 2>/dev/null && [ "$f" -gt "$best_feature" ]; then
            best=$candidate best_feature=$f
        fi
    done
    [ -n "$best" ] && echo "$best"
}

write_launch() { # the launcher's settings: options, and the JVM of each cache that exists
    {
        echo "options=$OPTIONS"
        [ -f "$DIR/$NAME.aot" ] && echo "aot_java=$1"
        [ -f "$DIR/$NAME.jsa" ] && echo "jsa_java=$2"
    } >"$DIR/$NAME.launch"
}

mkdir -p "$DIR/bin" || { warn "cannot create $DIR/bin"; exit 0; }
cp "$HERE/launcher" "$DIR/bin/$NAME" && chmod 755 "$DIR/bin/$NAME" || warn "cannot write the launcher $DIR/bin/$NAME"
rm -f "$DIR/$NAME.aot" "$DIR/$NAME.jsa"
write_launch "" ""
if [ "$SKIP" = true ]; then
    say "launcher bin/$NAME (caches skipped: -Dcds.skip=true)"
    exit 0
fi
[ -f "$JAR" ] || { warn "$JAR does not exist: launcher only"; exit 0; }
[ -f "$TRAINING" ] || { warn "training file $TRAINING does not exist: launcher only"; exit 0; }
rm -rf "$WORK"
mkdir -p "$WORK" || { warn "cannot create $WORK"; exit 0; }

# Stand-in servers for the training runs: one set per cache, so each one's runs start from nothing.
SERVERS_PID=
stop_servers() {
    if [ -n "$SERVERS_PID" ]; then
        kill "$SERVERS_PID" 2>/dev/null
        wait "$SERVERS_PID" 2>/dev/null
        SERVERS_PID=
    fi
}
trap stop_servers EXIT
trap 'stop_servers; exit 1' INT TERM
[ "$SERVERS_CP" = none ] && export TRAINING_SERVERS=none
if [ -n "$SERVERS_CP" ] && [ "$SERVERS_CP" != none ] && grep -Eq '\$\{?(PG|MONGO)_' "$TRAINING"; then
    WANTED=
    grep -Eq '\$\{?PG_' "$TRAINING" && WANTED="--postgres"
    grep -Eq '\$\{?MONGO_' "$TRAINING" && WANTED="$WANTED --mongo 2"
    "$JAVA" -XX:ErrorFile="$WORK/hs_err_%p.log" -cp "$SERVERS_CP" dev.stackinit.embedded.StandInServers \
        $WANTED --sets 2 --env-file "$WORK/servers.env" --max-seconds 900 \
        </dev/null >"$WORK/servers.log" 2>&1 &
    SERVERS_PID=$!
    waited=0
    while [ ! -f "$WORK/servers.env" ] && kill -0 "$SERVERS_PID" 2>/dev/null && [ "$waited" -lt 1200 ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    [ -f "$WORK/servers.env" ] \
        || warn "the stand-in servers did not start (see $WORK/servers.log): the runs that need them will fail"
fi

# train SET LOG JAVA FLAGS...: the training file's runs in one JVM with FLAGS; prints the failed runs.
train() {
    set_=$1 log=$2 java=$3
    shift 3
    (
        if [ -f "$WORK/servers.env" ]; then
            sed -n "s/^S${set_}_//p" "$WORK/servers.env" >"$WORK/set$set_.env"
            set -a
            . "$WORK/set$set_.env"
            set +a
        fi
        FILE=$TRAINING
        TRAINING=${FILE%/*}
        export WORK SAMPLES TRAINING
        mkdir -p "$WORK/logs$set_" && cd "$WORK" \
            && exec $LIMIT "$java" -XX:ErrorFile="$WORK/hs_err_%p.log" $OPTIONS "$@" \
                -cp "$JAR" dev.stackinit.cli.Training "$MAIN" "$FILE" "$WORK/logs$set_"
    ) </dev/null >"$WORK/$log" 2>"$WORK/$log.err"
    status=$?
    grep '^\[training\] run .* FAILED\|^\[training\]   |\|SKIPPED' "$WORK/$log.err" \
        | sed "s/^\[training\]/[startup] WARNING: $NAME: training/" >&2
    if [ "$status" -ne 0 ]; then
        warn "$status training run(s) failed or the training JVM did (see $WORK/$log and $WORK/logs$set_/)"
    fi
    SUMMARY=$(sed -n 's/^\[training\] \([0-9]* run(s).*\)/\1/p' "$WORK/$log" | tail -n 1)
    [ -n "$SUMMARY" ] || SUMMARY="a training JVM that did not finish"
}

# 1. AppCDS archive with the build's JVM (JDK 17): the class list of the training JVM, dumped statically (picocli's
# Java 5 class files are archived by a static dump only).
JSA_JAVA=
if [ "$JAVA" != none ]; then
    train 1 appcds.log "$JAVA" -Xshare:auto -XX:DumpLoadedClassList="$WORK/classes.classlist"
    if [ ! -s "$WORK/classes.classlist" ]; then
        warn "the training JVM wrote no class list: no AppCDS archive"
    elif ! $LIMIT "$JAVA" -XX:ErrorFile="$WORK/hs_err_%p.log" -Xshare:dump \
        -XX:SharedClassListFile="$WORK/classes.classlist" -XX:SharedArchiveFile="$DIR/$NAME.jsa.tmp" \
        -cp "$JAR" >"$WORK/dump.log" 2>&1; then
        warn "-Xshare:dump failed (see $WORK/dump.log): no AppCDS archive"
    elif ! mv -f "$DIR/$NAME.jsa.tmp" "$DIR/$NAME.jsa" \
        || ! "$JAVA" -XX:SharedArchiveFile="$DIR/$NAME.jsa" -Xshare:on $OPTIONS -jar "$JAR" --version \
            >"$WORK/check-jsa.log" 2>&1; then
        warn "the JVM refuses the AppCDS archive (see $WORK/check-jsa.log)"
        rm -f "$DIR/$NAME.jsa"
    else
        JSA_JAVA=$JAVA
        say "AppCDS archive $NAME.jsa ($(($(wc -c <"$DIR/$NAME.jsa") / 1048576)) MB, $(wc -l <"$WORK/classes.classlist") classes) from $SUMMARY, for $JAVA"
    fi
    rm -f "$DIR/$NAME.jsa.tmp"
fi

# 2. AOT cache with a JDK 25+ (the bytecode stays Java 17; only the cache is the newer JVM's).
AOT_JAVA=$(find_aot_java)
AOT_MADE=
if [ -z "$AOT_JAVA" ]; then
    say "no JDK 25+ found (give -Daot.java=/path/to/bin/java): no AOT cache"
elif [ "$(feature "$AOT_JAVA")" -lt 25 ] 2>/dev/null; then
    warn "$AOT_JAVA is not a JDK 25+: no AOT cache"
else
    # the cache is written by a second JVM the training JVM starts at its exit (JEP 514). Method profiles (JEP 515) only
    # serve C2: with C1 only (-XX:TieredStopAtLevel=1) every run would replay them for nothing, a third more CPU time
    PROFILES=
    case " $OPTIONS " in
        *" -XX:TieredStopAtLevel=1 "*) PROFILES="-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining" ;;
    esac
    train 2 aot.log "$AOT_JAVA" $PROFILES -XX:AOTCacheOutput="$DIR/$NAME.aot.tmp"
    if [ ! -s "$DIR/$NAME.aot.tmp" ]; then
        warn "no AOT cache was written (see $WORK/aot.log.err)"
    elif ! mv -f "$DIR/$NAME.aot.tmp" "$DIR/$NAME.aot" \
        || ! "$AOT_JAVA" -XX:AOTCache="$DIR/$NAME.aot" -XX:AOTMode=on $OPTIONS -jar "$JAR" --version \
            >"$WORK/check-aot.log" 2>&1; then
        warn "the JVM refuses the AOT cache (see $WORK/check-aot.log)"
        rm -f "$DIR/$NAME.aot"
    else
        AOT_MADE=$AOT_JAVA
        say "AOT cache $NAME.aot ($(($(wc -c <"$DIR/$NAME.aot") / 1048576)) MB) from $SUMMARY, for $AOT_JAVA"
    fi
    rm -f "$DIR/$NAME.aot.tmp"
fi
stop_servers
write_launch "$AOT_MADE" "$JSA_JAVA"
say "launcher bin/$NAME: $(if [ -n "$AOT_MADE" ]; then echo "AOT cache"; elif [ -n "$JSA_JAVA" ]; then echo "AppCDS archive"; else echo "plain java"; fi)"
exit 0
