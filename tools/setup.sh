#!/usr/bin/env bash
# What the tests and the local stack need besides Node.js and npm, installed on Debian when missing:
#   poppler-utils            pdftotext, pdfsig, pdfinfo: the tests read and check the sealed PDFs
#   qpdf                     the tests check the PDFs' structure
#   openssl                  the local timestamp authority's key and certificate; `openssl ts -verify` in tests
#   chromium                 the browser tests (Debian's /usr/bin/chromium, or CHROMIUM_PATH)
#   openjdk-17-jre-headless  DynamoDB Local, which needs Java 17 or later
#   awscli                   the tests read the local Step Functions endpoint with the AWS CLI, as any client would
# `npm test` runs this first (the `pretest` script): when everything is present it only looks, in
# milliseconds. Otherwise it installs the missing packages with apt-get, as root or through sudo, or
# says which packages to install and how.
#
# Usage: tools/setup.sh [--check] [--verbose]
#   --check    report what is missing and exit 1, install nothing
#   --verbose  print the versions found
set -euo pipefail

check_only=false
verbose=false
for arg in "$@"; do
  case "$arg" in
    --check) check_only=true ;;
    --verbose) verbose=true ;;
    -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "tools/setup.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

readonly JAVA_PACKAGE=openjdk-17-jre-headless
readonly MIN_JAVA=17
chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}

# The major version of the `java` on PATH, or nothing. Reads the JDK's `release` file (instant)
# and starts a JVM (about half a second) only when there is none.
java_major() {
  local java home version
  java=$(command -v java 2>/dev/null) || return 0
  home=$(dirname "$(dirname "$(readlink -f "$java")")")
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  else
    version=$(java -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.} # Java 8 and older say 1.8.0_...
  echo "${version%%[!0-9]*}"
}

# Fills `missing` with the Debian packages whose programs are not there.
find_missing() {
  missing=()
  { command -v pdftotext && command -v pdfsig && command -v pdfinfo; } >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [ -x "$chromium_path" ] || missing+=(chromium)
  command -v aws >/dev/null 2>&1 || missing+=(awscli)
  java_version=$(java_major)
  if [ -z "$java_version" ] || [ "$java_version" -lt "$MIN_JAVA" ]; then missing+=("$JAVA_PACKAGE"); fi
}

explain_and_exit() {
  {
    echo "tools/setup.sh: the tests need these Debian packages, which are missing: ${missing[*]}"
    [ -n "$java_version" ] && [ "$java_version" -lt "$MIN_JAVA" ] &&
      echo "  (the java on PATH is Java $java_version; DynamoDB Local needs Java $MIN_JAVA or later)"
    [[ " ${missing[*]} " == *" chromium "* ]] && [ -n "${CHROMIUM_PATH:-}" ] &&
      echo "  (CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file)"
    echo "$1"
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  } >&2
  exit 1
}

find_missing
if [ ${#missing[@]} -gt 0 ]; then
  $check_only && explain_and_exit "Install them as root with:"
  command -v apt-get >/dev/null 2>&1 ||
    explain_and_exit "This is not a Debian-like system (no apt-get): install the same programs with its package manager. On Debian:"
  if [ "$EUID" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
    as_root=(sudo)
  else
    explain_and_exit "Installing them needs root: run this as root, or where sudo works (passwordless, or from a terminal). As root:"
  fi
  echo "tools/setup.sh: installing ${missing[*]}" >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  hash -r
  find_missing
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "${missing[*]}" = "$JAVA_PACKAGE" ] && [ -n "$java_version" ]; then
      echo "tools/setup.sh: Java $MIN_JAVA is installed, but the java on PATH is still Java $java_version." \
        "Put /usr/lib/jvm/java-$MIN_JAVA-openjdk-*/bin first on PATH, or choose it with: update-alternatives --config java" >&2
      exit 1
    fi
    explain_and_exit "They are still missing after apt-get install. Install them by hand:"
  fi
fi

if $verbose; then
  echo "node $(node --version), npm $(npm --version), java $java_version, $(pdfsig -v 2>&1 | head -n 1)," \
    "$(qpdf --version | head -n 1), $(openssl version), $(aws --version 2>&1 | cut -d' ' -f1), $("$chromium_path" --version 2>/dev/null || echo "chromium at $chromium_path")"
fi
