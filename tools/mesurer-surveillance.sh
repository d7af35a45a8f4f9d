#!/usr/bin/env bash
# Mesure la revérification du mode surveillance de la boucle des TP, par la
# commande même du README, dans un vrai terminal (tmux) : un clone jetable
# du projet, le TP philosophes en surveillance, la solution copiée sur le
# squelette, puis N enregistrements d'un fichier ; affiche le « Vérifié en »
# de chaque tour et la charge de la machine. Usage : tools/mesurer-surveillance.sh [N]
set -euo pipefail
n=${1:-10}
command -v tmux >/dev/null || { echo "tmux n'est pas installé" >&2; exit 2; }
racine=$(cd "$(dirname "$0")/.." && pwd)
clone=$(mktemp -d /tmp/surveillance-XXXXXX)
session=surveillance-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$clone"' EXIT
git clone -q "$racine" "$clone"
cd "$clone"
tmux new-session -d -s "$session" -x 130 -y 45 \
  "./mvnw -q -pl tp-exercises -am test-compile -Dtp=philosophes -Dsurveiller"
attendre() { # attendre <motif> <secondes>
  for _ in $(seq 1 $((2 * $2))); do
    tmux capture-pane -pt "$session" | grep -q "$1" && return 0
    sleep 0.5
  done
  echo "délai dépassé en attendant « $1 »" >&2; exit 1
}
attendre "tour 1)" 300
tmux capture-pane -pt "$session" | grep "Vérifié en"
cp solutions/src/main/java/fr/progsys/tp/philosophes/*.java \
   tp-exercises/src/main/java/fr/progsys/tp/philosophes/
attendre "tour 2)" 60
tmux capture-pane -pt "$session" | grep -E "Vérifié en|exigence"
f=tp-exercises/src/main/java/fr/progsys/tp/philosophes/Table.java
for k in $(seq 3 $((n + 2))); do
  echo "// enregistrement $k" >> "$f"
  attendre "tour $k)" 60
  echo "$(tmux capture-pane -pt "$session" | grep 'Vérifié en')" \
       "charge $(cut -d' ' -f1 /proc/loadavg)"
done
tmux send-keys -t "$session" q Enter
