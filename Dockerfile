# syntax=docker/dockerfile:1.7
#
# One image per stack-init tool, chosen with the build argument TOOL:
#   docker build --build-arg TOOL=mongo-seeder --build-arg VERSION=0.1.0 -t stack-init/mongo-seeder:0.1.0 .
# TOOL: key-generator | mongo-seeder | supabase-migrator | webhook-config (any module with a shaded <tool>.jar).
#
# Stages: Maven build of the shaded JAR (Java 17 bytecode) → a Java 25 runtime jlinked with only the modules the tool
# needs → Alpine with that runtime, the JAR, an AOT cache of the tool's start trained in the image itself, and the
# launcher as entrypoint (benchmarks/README.md, "The launcher and its caches": an init container's no-op run starts in
# about half the time). The tools are configured only by environment variables and flags; JAVA_OPTS adds JVM options
# (e.g. JAVA_OPTS=-Xmx1g). The image runs as a non-root user.

ARG TOOL=key-generator

FROM maven:3.9.9-eclipse-temurin-17-alpine AS build
ARG TOOL
WORKDIR /src
COPY . .
# the build cache keeps ~/.m2 between builds; tests ran in CI already, formatting is not the image's job; the caches
# are made in the image (an AOT cache maps only onto the runtime that made it), the launcher settings here
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl "${TOOL}" -am package -Dmaven.test.skip=true -Dspotless.skip=true -Dcds.skip=true \
    && cp "${TOOL}/target/${TOOL}.jar" /tool.jar \
    && cp "${TOOL}/target/${TOOL}.launch" /tool.launch

FROM eclipse-temurin:25-jdk-alpine AS jlink
COPY --from=build /tool.jar /tool.jar
# The modules jdeps finds, plus jdk.crypto.ec (TLS with EC ciphers to hosted databases) and jdk.naming.dns
# (mongodb+srv:// lookups), minus java.desktop: jdeps lists it for optional java.beans uses in Jackson, SnakeYAML and
# pgjdbc's geometric types that the tools never reach, and it would add 15 MB of AWT libraries. The training runs
# below run on this runtime, so a missing module fails them.
RUN MODULES="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 /tool.jar \
        | tr ',' '\n' | grep -v '^java.desktop$' | tr '\n' ',')jdk.crypto.ec,jdk.naming.dns" \
    && echo "jlink modules: ${MODULES}" \
    && jlink --add-modules "${MODULES}" --strip-debug --no-header-files --no-man-pages --compress=zip-9 \
        --output /opt/jre \
    && /opt/jre/bin/java -jar /tool.jar --version

FROM alpine:3.21.3
ARG TOOL
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG SOURCE=""
LABEL org.opencontainers.image.title="${TOOL}" \
      org.opencontainers.image.description="stack-init ${TOOL}: an idempotent init tool for a Supabase + MongoDB stack" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.documentation="${TOOL}/README.md in the source repository" \
      org.opencontainers.image.base.name="docker.io/library/alpine:3.21.3" \
      dev.stackinit.tool="${TOOL}"
RUN addgroup -S -g 10001 tool \
    && adduser -S -D -H -u 10001 -G tool -s /sbin/nologin tool \
    && mkdir /work && chown tool:tool /work
COPY --from=jlink /opt/jre /opt/jre
COPY --from=build /tool.jar /app/tool.jar
COPY --from=build /tool.launch /app/tool.launch
# The AOT cache is made here, by the runtime and at the JAR path that will use it (a cache maps only onto the JVM and
# JAR it was made with), with the tool's training runs and its JVM options (heap, GC) from the build. No stand-in servers
# run in an image build: the runs that need one are skipped, the others must pass (the script prints a failed one).
# /app/bin/tool is the launcher; it starts plain java if no cache could be made.
RUN --mount=type=bind,from=build,source=/src/benchmarks/cds,target=/tmp/cds \
    --mount=type=bind,from=build,source=/src/compose,target=/tmp/samples \
    OPTIONS="$(sed -n 's/^options=//p' /app/tool.launch)" \
    && sh /tmp/cds/startup-cache.sh tool - /app none "/tmp/cds/training/${TOOL}.txt" /tmp/samples "${OPTIONS}" \
        false /opt/jre/bin/java none \
    && rm -rf /app/startup-cache \
    && /app/bin/tool --version
ENV LANG=C.UTF-8
USER 10001:10001
WORKDIR /work
# the launcher: the runtime with the AOT cache and the tool's JVM options (C1 only, serial GC, a bounded heap)
ENTRYPOINT ["/app/bin/tool"]
CMD ["--help"]
