# syntax=docker/dockerfile:1.7
#
# One image per stack-init tool, chosen with the build argument TOOL:
#   docker build --build-arg TOOL=mongo-seeder --build-arg VERSION=0.1.0 -t stack-init/mongo-seeder:0.1.0 .
# TOOL: key-generator | mongo-seeder | supabase-migrator | webhook-config (any module with a shaded <tool>.jar).
#
# Stages: Maven build of the shaded JAR → jlink runtime with only the modules jdeps finds (plus jdk.crypto.ec for TLS
# with EC ciphers to hosted databases, jdk.naming.dns for mongodb+srv:// lookups) → Alpine with that runtime, the JAR
# and an AppCDS archive of the tool's classes made in the image itself (benchmarks/README.md: an init container's no-op
# run starts in about half the time). The tools are configured only by environment variables and flags; the image runs
# as a non-root user.

ARG TOOL=key-generator

FROM maven:3.9.9-eclipse-temurin-17-alpine AS build
ARG TOOL
WORKDIR /src
COPY . .
# the build cache keeps ~/.m2 between builds; tests ran in CI already, formatting is not the image's job
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl "${TOOL}" -am package -Dmaven.test.skip=true -Dspotless.skip=true -Dcds.skip=true \
    && cp "${TOOL}/target/${TOOL}.jar" /tool.jar

FROM build AS jlink
RUN MODULES="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 /tool.jar)" \
    && echo "jlink modules: ${MODULES},jdk.crypto.ec,jdk.naming.dns" \
    && jlink --add-modules "${MODULES},jdk.crypto.ec,jdk.naming.dns" \
        --strip-debug --no-header-files --no-man-pages --compress=2 --output /opt/jre \
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
# The archive is dumped here, by the runtime and at the JAR path that will use it (the JVM maps an archive only onto the
# JVM and JAR it was made with). The script never fails: without an archive the tool still starts (-Xshare:auto).
COPY benchmarks/cds /tmp/cds
RUN sh /tmp/cds/cds-archive.sh /opt/jre/bin/java /app/tool.jar /app/tool.jsa "/tmp/cds/training/${TOOL}.txt" \
    && rm -rf /tmp/cds /app/tool-cds
ENV LANG=C.UTF-8
USER 10001:10001
WORKDIR /work
# C1 only: an init container's run is short, and C2's compiler threads would compete with it for the CPUs
ENTRYPOINT ["/opt/jre/bin/java", "-XX:SharedArchiveFile=/app/tool.jsa", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75", "-jar", "/app/tool.jar"]
CMD ["--help"]
