# Latchkey's container recipe (docs/operations.md, "Packaging"), after the official .NET image conventions:
# build with the SDK image, run the self-contained publish (the linux-x64 profile) on runtime-deps, as the
# image's non-root user (APP_UID), listening on 8080, with a read-only root file system in mind:
#   docker build -t latchkey .
#   docker run --read-only --tmpfs /tmp -v latchkey-data:/app/data -p 8080:8080 \
#     -e Latchkey__PublicUrl=https://id.example.com -e Latchkey__DataProtection__WrappingKey=... latchkey
# Not built or run on the machine this was written on (it cannot run containers); see docs/operations.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Latchkey.Server -p:PublishProfile=linux-x64 -p:PublishDir=/out

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
WORKDIR /app
COPY --from=build /out .
# The SQLite file's directory, the only place written (unused on PostgreSQL); a volume in production.
RUN mkdir /app/data && chown "$APP_UID" /app/data
VOLUME /app/data
USER $APP_UID
ENV ASPNETCORE_ENVIRONMENT=Production \
    Urls=http://+:8080 \
    Latchkey__Database__SqlitePath=/app/data/latchkey.db
EXPOSE 8080
# runtime-deps has no HTTP client: the server's own executable asks /health/ready (exit 0 ready, 1 not).
# Kubernetes ignores HEALTHCHECK; give it httpGet probes on /health/live and /health/ready instead.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["/app/Latchkey.Server", "health", "--timeout", "5"]
ENTRYPOINT ["/app/Latchkey.Server"]
CMD ["serve"]
