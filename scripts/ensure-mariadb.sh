#!/usr/bin/env bash
# Makes sure a MariaDB server answers on 127.0.0.1:3306 for the MariaDB test leg:
# installs it from Debian if absent, starts it if stopped, then waits until it accepts connections.
set -euo pipefail

ping() { mariadb-admin --protocol=tcp -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; }

if ping; then exit 0; fi
if [ ! -x /usr/sbin/mariadbd ]; then
  echo "MariaDB is not installed: installing it from Debian."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq mariadb-server >/dev/null
fi
echo "Starting MariaDB."
mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
for _ in $(seq 1 60); do
  if ping; then echo "MariaDB is up."; exit 0; fi
  sleep 0.5
done
echo "MariaDB did not start on 127.0.0.1:3306." >&2
exit 1
