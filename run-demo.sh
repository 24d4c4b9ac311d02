#!/usr/bin/env bash
# The demo: builds the bundle, then runs the Okta and Entra ID simulators and Keycloak with the
# bundle and the workforce realm on http://localhost:8080. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B -q -Pdemo -DskipTests package "$@"
