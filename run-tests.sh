#!/usr/bin/env bash
# Every test of the project: unit tests, then the end-to-end tests on the real Keycloak
# distribution with the bundle, the realm export and the simulators, driven by headless Chromium,
# and the production-mode suites (kc.sh build + start --optimized: two nodes on PostgreSQL, one
# node on MariaDB).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
  || [ ! -x /usr/sbin/mariadbd ]; then
  echo "Installing Debian's Chromium, ChromeDriver, PostgreSQL and MariaDB for the tests (apt-get)..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq chromium chromium-driver postgresql mariadb-server
fi

exec mvn -B verify "$@"
