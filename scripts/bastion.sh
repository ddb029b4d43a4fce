#!/usr/bin/env bash
# A demo Writ bastion on this machine (as root): OpenSSH's sshd from Debian's packages on a loopback port, the Writ
# bastion agent beside it, named bastion-1. A login succeeds only under an ACTIVE writ for bastion-shell whose
# targets name bastion-1; every command, sftp transfer and (FULL coverage) the terminal is recorded; the session
# is cut off when its writ ends. docs/bastion.md says how it works and how to install the agent on a real bastion.
#
#   scripts/bastion.sh start     install what is missing, make the demo accounts and keys, start sshd and the agent
#   scripts/bastion.sh stop      stop both (accounts, keys and waiting events stay)
#   scripts/bastion.sh status
#
# Then:  ssh -i data/bastion/keys/alice -p 2222 alice@127.0.0.1
#
# Environment (the defaults suit ./run.sh):
#   WRIT_URL                 the portal (default http://127.0.0.1:${WRIT_PORT:-8080})
#   WRIT_KEYCLOAK_URL        Keycloak (default http://127.0.0.1:${KC_PORT:-8180}); realm WRIT_REALM (default writ)
#   WRIT_BASTION_PORT        sshd's port on 127.0.0.1 (default 2222)
#   WRIT_BASTION_AGENT_PORT  the agent's loopback port for sshd's helpers (default 2223)
#   WRIT_BASTION_NAME        the bastion's name, as writs name it among their targets (default bastion-1)
#   WRIT_BASTION_SERVED      the entitlements whose writs open it, comma-separated (default bastion-shell)
#   WRIT_BASTION_SECRET      the agent's client secret (default: the demo realm's bastion-agent-secret)
#   WRIT_BASTION_USERS       the demo accounts (default: alice frank bob carol dave erin)
#   WRIT_BASTION_POLL_MILLIS how often live sessions are checked against their writs (default 500)
#   WRIT_BASTION_JAR         the agent (default bastion/target/writ-bastion-agent.jar; built when missing)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB=/usr/local/libexec/writ-bastion
ETC=/etc/writ-bastion
STATE=/var/lib/writ-bastion
LOGS=/var/log/writ-bastion
RUN=/run/writ-bastion
KEYS="$REPO/data/bastion/keys"
PORT="${WRIT_BASTION_PORT:-2222}"
AGENT_PORT="${WRIT_BASTION_AGENT_PORT:-2223}"
NAME="${WRIT_BASTION_NAME:-bastion-1}"
USERS="${WRIT_BASTION_USERS:-alice frank bob carol dave erin}"
JAR="${WRIT_BASTION_JAR:-$REPO/bastion/target/writ-bastion-agent.jar}"
GROUP=writ-bastion

die() { echo "bastion.sh: $*" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || die "run it as root: it installs packages, makes accounts and starts sshd"

install_if_missing() {
  local missing=()
  [[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
  [[ -x /usr/lib/openssh/sftp-server ]] || missing+=(openssh-sftp-server)
  command -v sudo > /dev/null || missing+=(sudo)
  command -v script > /dev/null || missing+=(bsdutils)
  command -v curl > /dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    echo "bastion.sh: installing ${missing[*]} (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
  fi
}

# Replaces a helper by renaming a new copy over it: a live session's shell keeps reading the one it started with.
put() {
  install -m "$1" -o root -g root "$2" "$LIB/.$(basename "$2").new"
  mv -f "$LIB/.$(basename "$2").new" "$LIB/$(basename "$2")"
}

# The helpers sshd runs must be root's, in root-owned directories no one else may write (sshd checks).
install_agent() {
  if [[ ! -f "$JAR" ]]; then
    echo "bastion.sh: building the agent"
    (cd "$REPO" && mvn -B -q -ntp -pl bastion package -DskipTests)
  fi
  install -d -m 755 -o root -g root "$LIB"
  put 755 "$REPO/bastion/src/main/dist/gate"
  put 755 "$REPO/bastion/src/main/dist/session"
  put 644 "$REPO/bastion/src/main/dist/bashrc"
  put 644 "$JAR"
  install -d -m 755 "$ETC" "$ETC/keys"
  install -d -m 700 "$STATE" "$LOGS"
  install -d -m 755 "$RUN" /run/sshd
  getent group "$GROUP" > /dev/null || groupadd --system "$GROUP"
  id writ-gate > /dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin writ-gate
}

configure() {
  local keycloak="${WRIT_KEYCLOAK_URL:-http://127.0.0.1:${KC_PORT:-8180}}"
  [[ -f "$ETC/local-token" ]] || head -c 32 /dev/urandom | base64 | tr -d '/+=' > "$ETC/local-token"
  printf 'X-Writ-Agent-Token: %s\n' "$(cat "$ETC/local-token")" > "$ETC/local-token.header"
  chown root:writ-gate "$ETC/local-token" "$ETC/local-token.header"
  chmod 640 "$ETC/local-token" "$ETC/local-token.header"
  echo "$AGENT_PORT" > "$ETC/local-port"
  chmod 644 "$ETC/local-port"
  printf '%s' "${WRIT_BASTION_SECRET:-bastion-agent-secret}" > "$ETC/client-secret"
  chmod 600 "$ETC/client-secret"
  cat > "$ETC/agent.properties" <<PROPERTIES
# The Writ bastion agent of $NAME (written by scripts/bastion.sh; docs/bastion.md lists every setting)
writ.url=${WRIT_URL:-http://127.0.0.1:${WRIT_PORT:-8080}}
token.url=$keycloak/realms/${WRIT_REALM:-writ}/protocol/openid-connect/token
client.id=bastion-agent
client.secret.file=$ETC/client-secret
bastion.name=$NAME
served=${WRIT_BASTION_SERVED:-bastion-shell}
local.port=$AGENT_PORT
local.token.file=$ETC/local-token
state.dir=$STATE
keys.dir=$ETC/keys
identities.file=$ETC/identities
live.poll.millis=${WRIT_BASTION_POLL_MILLIS:-500}
PROPERTIES
  chmod 600 "$ETC/agent.properties"
  [[ -f "$ETC/identities" ]] || printf '# Unix account  Keycloak username (an account not listed is its own username)\n' > "$ETC/identities"
  [[ -f "$ETC/ssh_host_ed25519_key" ]] || ssh-keygen -q -t ed25519 -N '' -f "$ETC/ssh_host_ed25519_key"
  cat > "$ETC/sshd_config" <<SSHD
# The Writ bastion $NAME (written by scripts/bastion.sh). Keys come only from the agent, and only under a writ;
# every session runs through the recorder as root.
Port $PORT
ListenAddress 127.0.0.1
HostKey $ETC/ssh_host_ed25519_key
PidFile $RUN/sshd.pid
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile none
AuthorizedKeysCommand $LIB/gate %u
AuthorizedKeysCommandUser writ-gate
ForceCommand /usr/bin/sudo -n $LIB/session
Subsystem sftp /usr/lib/openssh/sftp-server
AllowGroups $GROUP
AllowTcpForwarding no
AllowStreamLocalForwarding no
X11Forwarding no
PermitTunnel no
AllowAgentForwarding no
PermitUserRC no
PermitUserEnvironment no
MaxStartups 100:30:200
LogLevel VERBOSE
SSHD
  cat > /etc/sudoers.d/writ-bastion <<SUDOERS
# The Writ bastion's recorder runs as root for the people of group $GROUP (written by scripts/bastion.sh).
Defaults!$LIB/session env_keep += "SSH_ORIGINAL_COMMAND SSH_CONNECTION SSH_TTY TERM", !use_pty, !lecture
%$GROUP ALL=(root) NOPASSWD: $LIB/session
SUDOERS
  chmod 440 /etc/sudoers.d/writ-bastion
  visudo -cq -f /etc/sudoers.d/writ-bastion || die "the sudoers rule did not pass visudo"
}

# The demo accounts: no password (keys only, from the agent), a bash shell; each one's key is made on this machine.
accounts() {
  install -d -m 700 "$KEYS"
  local user
  for user in $USERS; do
    id "$user" > /dev/null 2>&1 || useradd --create-home --shell /bin/bash "$user"
    usermod -p '*' -a -G "$GROUP" "$user"
    [[ -f "$KEYS/$user" ]] || ssh-keygen -q -t ed25519 -N '' -C "$user@writ-demo" -f "$KEYS/$user"
    chmod 600 "$KEYS/$user"
    install -m 644 "$KEYS/$user.pub" "$ETC/keys/$user.pub"
  done
}

running() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2> /dev/null; }

stop() {
  local pidfile
  for pidfile in "$RUN/sshd.pid" "$RUN/agent.pid"; do
    if running "$pidfile"; then
      kill "$(cat "$pidfile")"
      for _ in $(seq 50); do running "$pidfile" || break; sleep 0.1; done
    fi
    rm -f "$pidfile"
  done
}

start() {
  install_if_missing
  stop
  install_agent
  configure
  accounts
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  nohup "$java" -Xmx128m -XX:+UseSerialGC -jar "$LIB/$(basename "$JAR")" "$ETC/agent.properties" \
    >> "$LOGS/agent.log" 2>&1 &
  echo $! > "$RUN/agent.pid"
  for _ in $(seq 100); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$AGENT_PORT/gate" && break
    running "$RUN/agent.pid" || die "the agent did not start: $(tail -5 "$LOGS/agent.log")"
    sleep 0.1
  done
  /usr/sbin/sshd -f "$ETC/sshd_config" -E "$LOGS/sshd.log" || die "sshd did not start: $(tail -5 "$LOGS/sshd.log")"
  echo "bastion.sh: $NAME on 127.0.0.1:$PORT (agent log $LOGS/agent.log, sshd log $LOGS/sshd.log)"
  echo "  ssh -i data/bastion/keys/alice -p $PORT alice@127.0.0.1"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    running "$RUN/sshd.pid" && echo "sshd running (127.0.0.1:$PORT)" || echo "sshd stopped"
    running "$RUN/agent.pid" && echo "agent running" || echo "agent stopped" ;;
  *) echo "usage: scripts/bastion.sh start|stop|status" >&2; exit 2 ;;
esac
