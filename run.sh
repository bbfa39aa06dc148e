#!/usr/bin/env bash
# Builds Quiver (tests skipped) and starts the distribution with the Karaf shell in front of you.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q install -DskipTests
exec karaf-assembly/target/assembly/bin/karaf "$@"
