# One image, two entry points: the admission webhook (default) and the `palisade` CLI.
# Build the jars first: ./mvnw -B -ntp -DskipTests package
# BASE must provide a Java 17+ runtime at `java` on PATH (e.g. eclipse-temurin:17-jre, or the
# minimal Debian JRE base that .ci/image-test builds).
ARG BASE=eclipse-temurin:17-jre
FROM ${BASE}

COPY cli/target/palisade.jar /opt/palisade/palisade.jar
COPY webhook/target/palisade-webhook.jar /opt/palisade/palisade-webhook.jar
COPY docker/palisade /usr/local/bin/palisade

# Container-aware JVM: size the heap from the cgroup limit, die (and get restarted) rather than
# limp on after an OutOfMemoryError, small thread stacks for the worker pool.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -Xss512k -XX:+UseSerialGC"

# A numeric non-root user, so runAsNonRoot can verify it without an /etc/passwd entry.
USER 65532:65532
WORKDIR /work
EXPOSE 8443 8080

ENTRYPOINT ["java", "-jar", "/opt/palisade/palisade-webhook.jar"]
