#!/usr/bin/env bash
# Adds a migration with the same name for both providers:  scripts/add-migration.sh AddSomething
# The migrations assemblies reference EF Core only (docs/adr/0002-migrations-per-provider.md), so the
# [DbContext] attribute and the using of the host namespace that `dotnet ef` writes are removed.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/MotCua.Web -v q -nologo >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build \
    --project "src/MotCua.Migrations.$provider" --startup-project src/MotCua.Web \
    --output-dir Migrations -- --provider "$provider"
  for f in src/MotCua.Migrations.$provider/Migrations/*.cs; do
    sed -i -e '/^\s*\[DbContext(typeof(MotCuaDbContext))\]\s*$/d' -e '/^using MotCua\.Web\./d' "$f"
  done
done
dotnet build src/MotCua.Web -v q -nologo >/dev/null && echo "Added migration $name for Sqlite and Postgres."
