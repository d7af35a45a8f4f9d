#!/usr/bin/env python3
"""Solutions volontairement fausses : chacune doit être attrapée par les tests.

Outil du mainteneur, hors du build. Pour chaque « mutant », le script modifie
une solution de solutions/src (remplacement de texte), lance les tests du TP
concerné, puis remet le fichier d'origine. Il affiche « attrapé » quand au
moins un test échoue, « PAS ATTRAPÉ » sinon (le test à renforcer).

Usage, depuis n'importe où :  tp-exercises/mutants.py [filtre…]
(un filtre garde les mutants dont le nom contient ce texte, ex. « udp: »).
"""
import os
import subprocess
import sys

RACINE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
S = 'solutions/src/main/java/fr/progsys/tp/'

# (nom, fichier, texte, remplacement, tp[, autres remplacements])
M=[
("philo: pas de veut-manger", "philosophes/Table.java", "new Semaphore(n - 1)", "new Semaphore(n)", "philosophes"),
("philo: poser ne rend pas la place", "philosophes/Table.java", "        veutManger.release();\n    }", "    }", "philosophes"),
("philo: diner séquentiel", "philosophes/Diner.java", "philosophes[i].start();", "philosophes[i].run();", "philosophes"),
("prodcons: sans mutex", "prodcons/Tampon.java", "mutex = new Semaphore(1);", "mutex = new Semaphore(2);", "prodcons"),
("prodcons: attente active", "prodcons/Tampon.java", "        elements.acquire(); // bloque si vide", "        while (!elements.tryAcquire()) { Thread.onSpinWait(); }", "prodcons"),
("prodcons: écrase une case non lue", "prodcons/Tampon.java", "new Semaphore(cases.capacite());", "new Semaphore(cases.capacite() + 1);", "prodcons"),
("calcul: tâches séquentielles", "calcul/Calcul.java", "threads[i].start();\n        }\n        List<R>", "threads[i].run();\n        }\n        List<R>", "calcul"),
("calcul: résultats mélangés (ordre de fin)", "calcul/Calcul.java", "            R r = (R) resultats[i];", "            R r = (R) resultats[n - 1 - i];", "calcul"),
("calcul: pas d'interruption", "calcul/Calcul.java", "autre.interrupt();", "autre.getName();", "calcul"),
("calcul: ne teste pas l'interruption", "calcul/Calcul.java", "if (Thread.interrupted()) {", "if (x < 0) {", "calcul"),
("udp: client sans réessai", "udp/ClientUdp.java", "essai <= essais;", "essai <= 1;", "udp"),
("udp: client sans contrôle de seq", "udp/ClientUdp.java", "if (r.seq() == seq) {", "if (r.seq() >= 0) {", "udp"),
("udp: serveur sans détection de doublon", "udp/ServeurUdp.java", "if (d == null || d.seq() != m.seq()) {", "if (true) {", "udp"),
("udp: doublons détectés tous clients confondus", "udp/ServeurUdp.java", "SocketAddress client = p.getSocketAddress(); // qui a écrit\n            Derniere d = dernieres.get(client);", "SocketAddress client = p.getSocketAddress(); // qui a écrit\n            Derniere d = dernieres.get(null);", "udp"),
("udp: répond au serveur au lieu du client", "udp/ServeurUdp.java", "Datagrammes.envoyer(socket, client, d.seq(), d.reponse());", "Datagrammes.envoyer(socket, socket.getLocalSocketAddress(), d.seq(), d.reponse());", "udp"),
("chat: un client à la fois", "chat/ServeurChat.java", "t.start(); // et retour", "t.run(); // et retour", "chat"),
("chat: départ non annoncé", "chat/ServeurChat.java", "                diffuser(Protocole.depart(pseudo));", "                pseudo.length();", "chat"),
("chat: le serveur meurt quand un client part", "chat/ServeurChat.java", "            // connexion coupée : le client part, le serveur continue", "            try { ecoute.close(); } catch (IOException x) { }", "chat"),
("mq: client sans priorité", "serveurmq/ClientMq.java", "urgent ? MessagesMq.URGENTE : MessagesMq.NORMALE", "MessagesMq.NORMALE", "serveurmq"),
("mq: client ne supprime pas sa file", "serveurmq/ClientMq.java", "        MessageQueue.unlink(nomReponses);\n", "", "serveurmq"),
("mq: serveur répond toujours au premier client", "serveurmq/ServeurMq.java", "            MessagesMq.Requete r = MessagesMq.Requete.lire(texte);", "            MessagesMq.Requete r0 = MessagesMq.Requete.lire(texte); if (premier == null) { premier = r0.fileReponse(); } MessagesMq.Requete r = new MessagesMq.Requete(premier, r0.id(), r0.x());", "serveurmq", [("    private final MessageQueue file;", "    private final MessageQueue file;\n    private String premier;")]),
("mq: serveur trie lui-même en FIFO (ignore les priorités)", "serveurmq/ServeurMq.java", "String texte = file.receive().text();", "String texte = attente.isEmpty() ? null : attente.poll(); if (texte == null) { java.util.List<String> lot = new java.util.ArrayList<>(); lot.add(file.receive().text()); while (file.getAttributes().currentMessages() > 0) { lot.add(file.receive().text()); } lot.sort(java.util.Comparator.comparingLong(t -> t.equals(MessagesMq.STOP) ? Long.MAX_VALUE : MessagesMq.Requete.lire(t).id())); attente.addAll(lot); texte = attente.poll(); }", "serveurmq", [("    private final MessageQueue file;", "    private final MessageQueue file;\n    private final java.util.ArrayDeque<String> attente = new java.util.ArrayDeque<>();")]),
("tampon: écrase une case non lue", "tampon/TamponPartage.java", "creation, 0600,\n                        capacite),", "creation, 0600,\n                        capacite + 1),", "tampon"),
("tampon: sans mutex", "tampon/TamponPartage.java", "creation, 0600, 1));", "creation, 0600, 2));", "tampon"),
("tampon: oublie un sem_unlink", "tampon/TamponPartage.java", "        NamedSemaphore.unlink(Disposition.mutex(nom));\n", "", "tampon"),
("selector: un thread par client", "selector/ServeurSelecteur.java", "            c.configureBlocking(false);", "            Thread veilleur = new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }); veilleur.setDaemon(true); veilleur.start(); c.configureBlocking(false);", "selector"),
("selector: départ non géré", "selector/ServeurSelecteur.java", "        if (n < 0) { // fin de flux : le client est parti", "        if (n < -1) {", "selector"),
]


def main():
    os.chdir(RACINE)
    filtres = sys.argv[1:]
    rates = 0
    for entree in M:
        nom, f, a, b, tp = entree[:5]
        autres = entree[5] if len(entree) > 5 else []
        if filtres and not any(x in nom for x in filtres):
            continue
        p = S + f
        origine = open(p, encoding='utf-8').read()
        assert a in origine, (nom, a)
        mutant = origine.replace(a, b, 1)
        for x, y in autres:
            assert x in mutant, (nom, x)
            mutant = mutant.replace(x, y, 1)
        open(p, 'w', encoding='utf-8').write(mutant)
        try:
            r = subprocess.run(['./mvnw', '-q', '-pl', 'solutions', '-am', 'verify',
                                '-Dtest=fr.progsys.tp.' + tp + '.*Test',
                                '-Dsurefire.failIfNoSpecifiedTests=false'],
                               capture_output=True, text=True, timeout=900)
        finally:
            open(p, 'w', encoding='utf-8').write(origine)
        sortie = r.stdout + r.stderr
        echecs = [l.split(' -- ')[0].replace('[ERROR] ', '').strip()
                  for l in sortie.splitlines()
                  if ('<<< FAIL' in l or '<<< ERR' in l) and '.Test' not in l
                  and 'Tests run' not in l]
        if 'COMPILATION ERROR' in sortie:
            print(f'{nom} : le mutant ne compile pas')
        elif r.returncode != 0:
            print(f'{nom} : attrapé par ' + ', '.join(sorted(set(echecs))[:4]))
        else:
            rates += 1
            print(f'{nom} : PAS ATTRAPÉ')
    sys.exit(1 if rates else 0)


if __name__ == '__main__':
    main()
