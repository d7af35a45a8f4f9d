#!/usr/bin/env bash
# Installe, si possible, les paquets Debian dont certains tests ont besoin.
# Sans eux les tests concernés sont ignorés (avec la raison), pas en échec :
# un étudiant n'a besoin que d'un JDK.
#   gcc            : jumeaux C compilés par les tests (interopérabilité)
#   strace         : trace des appels système des exemples Java
#   socat, nc      : vrais clients pour les serveurs UDP/TCP
#   iproute2       : ss (backlog effectif) et ip (MTU dans un espace de noms)
#   util-linux     : unshare et setpriv (espace de noms réseau, capacités)
#   poppler-utils  : pdftoppm, pour regarder les pages du livre en PNG
#   chromium       : capture d'écran des diapositives (DiapositivesTest)
#   bubblewrap     : bwrap, le bac à sable du correcteur de l'enseignant
#                    (-Dcorriger=…) ; sans lui, les copies tournent sans bac
set -u
wanted=(gcc strace socat netcat-openbsd iproute2 util-linux poppler-utils chromium bubblewrap)
missing=()
for p in "${wanted[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "apt-get absent : paquets non installés (${missing[*]}) ; les tests qui en ont besoin seront ignorés."
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
echo "Installation de : ${missing[*]}"
$SUDO apt-get update -qq >/dev/null 2>&1 || true
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
  || echo "installation impossible (${missing[*]}) : les tests concernés seront ignorés."
exit 0
