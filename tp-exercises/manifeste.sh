#!/bin/sh
# Régénère le manifeste des squelettes intacts (à lancer par le mainteneur
# après toute modification voulue d'un squelette, depuis la racine du dépôt).
cd "$(dirname "$0")/src/main/java/fr/progsys/tp" || exit 1
{
  echo "# Empreintes SHA-256 des squelettes intacts : tp-exercises/manifeste.sh"
  find . -type f -name '*.java' | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum
} > ../../../../../test/resources/fr/progsys/tp/squelettes.sha256
