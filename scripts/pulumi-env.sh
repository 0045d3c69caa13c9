# shellcheck shell=bash
# pulumi-env.sh: source this file (bash) to get a local, offline-friendly
# Pulumi setup for this repository:
#
#   source scripts/pulumi-env.sh
#
# - PATH gets the bin dir of scripts/ensure-pulumi.sh (builds it on first use):
#   pulumi, pulumi-language-nodejs and the pulumi-resource-pulumi-nodejs
#   launcher, which serves any program's own @pulumi/pulumi.
# - PULUMI_SKIP_UPDATE_CHECK=true, PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
# - PULUMI_CONFIG_PASSPHRASE defaults to "nicsrs-local" when neither it nor
#   PULUMI_CONFIG_PASSPHRASE_FILE is set.
# PULUMI_BACKEND_URL is left to the caller (e.g. file://$PWD/.pulumi-state).

__pulumi_env_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if __pulumi_env_bin="$("$__pulumi_env_root/scripts/ensure-pulumi.sh")" && [ -n "$__pulumi_env_bin" ]; then
  for __pulumi_env_dir in "$__pulumi_env_bin"; do
    case ":$PATH:" in
      *":$__pulumi_env_dir:"*) ;;
      *) PATH="$__pulumi_env_dir${PATH:+:$PATH}" ;;
    esac
  done
  export PATH
  export PULUMI_SKIP_UPDATE_CHECK=true
  export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
  if [ -z "${PULUMI_CONFIG_PASSPHRASE+x}" ] && [ -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]; then
    export PULUMI_CONFIG_PASSPHRASE=nicsrs-local
  fi
  unset __pulumi_env_root __pulumi_env_bin __pulumi_env_dir
else
  echo "pulumi-env.sh: scripts/ensure-pulumi.sh failed" >&2
  unset __pulumi_env_root __pulumi_env_bin __pulumi_env_dir
  # shellcheck disable=SC2317
  return 1 2>/dev/null || exit 1
fi
