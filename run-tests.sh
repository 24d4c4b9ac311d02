#!/usr/bin/env bash
# Every test of the project: unit tests, then the end-to-end tests on the real Keycloak
# distribution with the bundle, the realm export and the simulators, driven by headless Chromium.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "Installing Debian's Chromium and ChromeDriver for the browser tests (apt-get)..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq chromium chromium-driver
fi

exec mvn -B verify "$@"
