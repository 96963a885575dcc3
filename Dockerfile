# syntax=docker/dockerfile:1
# Clinic backend image: build with the Maven wrapper on a JDK, run the layered Spring Boot jar on a
# JRE as a non-root user. Build: docker build -t clinic .   Run: see docker-compose.yml.

# ---- build ------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY clinic-test-support/ clinic-test-support/
COPY clinic-domain/ clinic-domain/
COPY clinic-application/ clinic-application/
COPY clinic-adapters-persistence/ clinic-adapters-persistence/
COPY clinic-adapters-external/ clinic-adapters-external/
COPY clinic-adapters-rest/ clinic-adapters-rest/
COPY clinic-bootstrap/ clinic-bootstrap/
COPY clinic-api-client/ clinic-api-client/
# The cache mount keeps ~/.m2 between builds (a multi-module reactor cannot use dependency:go-offline).
# Tests need PostgreSQL and run in CI, not here; jOOQ types are generated from the migrations, no DB.
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar clinic-bootstrap/target/clinic.jar extract --layers --destination /extracted

# ---- runtime ----------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre AS runtime
# curl serves the HEALTHCHECK; installed only if the base image lacks it.
RUN command -v curl >/dev/null 2>&1 \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
RUN groupadd --system clinic && useradd --system --gid clinic --home-dir /app --shell /usr/sbin/nologin clinic
WORKDIR /app
# Least-changing layers first, so a code change only replaces the last layer.
COPY --from=build --chown=clinic:clinic /extracted/dependencies/ ./
COPY --from=build --chown=clinic:clinic /extracted/spring-boot-loader/ ./
COPY --from=build --chown=clinic:clinic /extracted/snapshot-dependencies/ ./
COPY --from=build --chown=clinic:clinic /extracted/application/ ./
USER clinic

# The JVM sizes itself from the container's memory limit (container support is on by default):
# heap up to 75% of it, and a clean exit on OutOfMemoryError so the orchestrator restarts us.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError" \
    CLINIC_LOG_FORMAT=logstash \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    PORT=8080
EXPOSE 8080

# Liveness only: a database outage makes the app unready, not dead (see management.* in application.yml).
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/liveness" >/dev/null || exit 1

# exec: java becomes PID 1 and receives SIGTERM itself, so Spring's graceful shutdown runs.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/clinic.jar \"$@\"", "clinic"]
