# linehub as a container image: `docker-compose up` (docker-compose.yml) or `docker build -t linehub .`
# Base images are pinned to exact versions so a rebuild next month runs the same JDK and Maven; bump them on purpose.

# --- build: the same command as the README, so the image holds exactly what `mvn package` makes
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
# the POM alone first: the dependency download stays cached while only the sources change
COPY pom.xml .
# (go-offline misses some plugin dependencies; the package step fetches those, so its gaps are not an error)
RUN mvn -B -q -DskipTests dependency:go-offline || true
COPY src src
RUN mvn -B -DskipTests package

# --- runtime: a JRE, the jar with its lib/ (the manifest Class-Path), and the default config/ and routes/
FROM eclipse-temurin:17.0.13_11-jre
# a fixed numeric uid, so volume ownership and Kubernetes' runAsNonRoot work without a name lookup
RUN groupadd --system --gid 10001 linehub \
    && useradd --system --uid 10001 --gid linehub --home-dir /opt/linehub --no-create-home linehub
WORKDIR /opt/linehub
COPY --from=build /build/target/lib lib
COPY --from=build /build/target/linehub.jar linehub.jar
# config and routes stay root-owned: the hub only reads them, and in prod route reload is off anyway.
# Plant IT mounts its own devices.yaml (or the whole folder) over these.
COPY config config
COPY routes routes
# data/ (the master-data drop folder, H2 outside prod) is the only place the hub writes; docker-compose mounts a
# named volume here (no VOLUME line: it would leave an anonymous volume behind every plain `docker run`)
RUN mkdir data && chown linehub:linehub data
USER 10001:10001
# the JVM's default heap is a quarter of the container's memory limit; the hub is the only process here
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# HTTP (API, /observe/health, metrics) and the TCP scanner listener
EXPOSE 8080 5001
ENTRYPOINT ["java", "-jar", "linehub.jar"]
CMD ["run"]
