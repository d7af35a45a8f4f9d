#!/usr/bin/env python3
"""Solutions volontairement fausses : chacune doit être attrapée par les tests.

Outil du mainteneur, hors du build. Le script compile une fois les solutions
et les tests (Maven), puis, pour chaque « mutant », recompile à part la
solution modifiée (remplacement de texte, les sources ne sont pas touchées)
et lance les tests du TP concerné N fois (fr.progsys.tp.Verificateur, dans
une JVM neuve à chaque fois, la classe fausse en tête du class path). Il
affiche « attrapé N/N » quand chaque passage a au moins une attente en
échec, et « PAS TOUJOURS ATTRAPÉ k/N » sinon : le test à renforcer. Un
mutant doit être attrapé à chaque passage : aucun test ne compte sur la
chance.

Usage, depuis n'importe où :
  tp-exercises/mutants.py [-n N] [filtre…]   les mutants (N passages, 5 par défaut)
  tp-exercises/mutants.py -n 5 --solutions   les solutions justes, N passages
  tp-exercises/mutants.py --liste            les noms des mutants
  tp-exercises/mutants.py --table F [-n N]   écrit aussi dans F (CSV) l'exigence
                                             qui attrape chaque mutant (le
                                             tableau de l'édition enseignant)
(MUTANTS_CP=fichier : réutiliser un class path déjà écrit par un passage
précédent, -Dmutants.classpath=fichier, sans recompiler.)
(un filtre garde les mutants dont le nom contient ce texte, ex. « udp: » ;
avec --solutions, les TP dont le nom contient ce texte).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

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
# Les erreurs réalistes de l'issue 11 : chacune doit être attrapée à chaque passage.
("philo: le dîner n'attend que le dernier", "philosophes/Diner.java", "        for (Thread t : philosophes) {\n            t.join();\n        }", "        philosophes[philosophes.length - 1].join();", "philosophes"),
("philo: interruption affichée, repas continué sans poser", "philosophes/Diner.java", "                try {\n                    for (int r = 0; r < repas; r++) {\n                        table.prendre(moi);\n                        try {\n                            mangeur.manger(moi);\n                        } finally {\n                            table.poser(moi);\n                        }\n                    }\n                } catch (InterruptedException e) {\n                    Thread.currentThread().interrupt(); // fin demandée\n                }", "                for (int r = 0; r < repas; r++) {\n                    try {\n                        table.prendre(moi);\n                        mangeur.manger(moi);\n                        table.poser(moi);\n                    } catch (InterruptedException e) {\n                        System.out.println(\"interrompu : \" + e);\n                    }\n                }", "philosophes"),
("prodcons: indice lu avant le mutex", "prodcons/Tampon.java", "        mutex.acquire();\n        try {\n            cases.ecrire(entree, x);\n            entree = (entree + 1) % cases.capacite();", "        int i = entree;\n        mutex.acquire();\n        try {\n            cases.ecrire(i, x);\n            entree = (i + 1) % cases.capacite();", "prodcons"),
("prodcons: mutex pris avant la place libre", "prodcons/Tampon.java", "        placesLibres.acquire(); // bloque (sans consommer de CPU) si plein\n        mutex.acquire();", "        mutex.acquire();\n        placesLibres.acquire();", "prodcons"),
("prodcons: wait/notifyAll avec if au lieu de while", "prodcons/Tampon.java", "    public void deposer(T x) throws InterruptedException {", "    public synchronized void deposer(T x) throws InterruptedException {\n        if (compte == cases.capacite()) { wait(); }\n        cases.ecrire(entree, x); entree = (entree + 1) % cases.capacite(); compte++; notifyAll();\n    }\n    public synchronized T retirer() throws InterruptedException {\n        if (compte == 0) { wait(); }\n        T x = cases.lire(sortie); sortie = (sortie + 1) % cases.capacite(); compte--; notifyAll(); return x;\n    }\n    public void deposerAncien(T x) throws InterruptedException {", "prodcons", [("    public T retirer() throws InterruptedException {", "    public T retirerAncien() throws InterruptedException {"), ("    private int sortie;", "    private int sortie;\n    private int compte;")]),
("calcul: chercher cesse d'attendre dès qu'on a trouvé", "calcul/Calcul.java", "        for (Thread t : threads) {\n            t.join();\n        }\n        return trouve.get()", "        for (Thread t : threads) {\n            t.join();\n            if (trouve.get()) {\n                break;\n            }\n        }\n        return trouve.get()", "calcul"),
("calcul: chercher n'attend que le trouveur", "calcul/Calcul.java", "        for (Thread t : threads) {\n            t.join();\n        }\n        return trouve.get()", "        while (gagnant.get() == null && java.util.Arrays.stream(threads).anyMatch(Thread::isAlive)) { Thread.onSpinWait(); }\n        if (gagnant.get() != null) { gagnant.get().join(); } else { for (Thread t : threads) { t.join(); } }\n        return trouve.get()", "calcul", [("        AtomicBoolean trouve = new AtomicBoolean();", "        AtomicBoolean trouve = new AtomicBoolean();\n        java.util.concurrent.atomic.AtomicReference<Thread> gagnant = new java.util.concurrent.atomic.AtomicReference<>();"), ("                            valeur[0] = x;", "                            valeur[0] = x;\n                            gagnant.set(Thread.currentThread());")]),
("calcul: exception d'une tâche avalée (null)", "calcul/Calcul.java", "                } catch (Exception e) {\n                    erreurs[moi] = e;\n                }", "                } catch (Exception e) {\n                    resultats[moi] = null; // on continue\n                }", "calcul"),
("mq: serveur sans O_EXCL (reprend une vieille file)", "serveurmq/ServeurMq.java", "O_CREAT | O_EXCL | O_RDWR", "O_CREAT | O_RDWR", "serveurmq"),
("tampon: indices dans le tas de chaque processus", "tampon/TamponPartage.java", "        int entree = zone.getInt(Disposition.ENTREE);", "        int entree = entreeLocale;", "tampon", [("        zone.putInt(Disposition.ENTREE, (entree + 1) % capacite);", "        entreeLocale = (entree + 1) % capacite;"), ("        int sortie = zone.getInt(Disposition.SORTIE);", "        int sortie = sortieLocale;"), ("        zone.putInt(Disposition.SORTIE, (sortie + 1) % capacite);", "        sortieLocale = (sortie + 1) % capacite;"), ("    private final NamedSemaphore mutex;\n", "    private final NamedSemaphore mutex;\n    private int entreeLocale;\n    private int sortieLocale;\n")]),
("tampon: indice lu avant le mutex", "tampon/TamponPartage.java", "        mutex.await();\n        int entree = zone.getInt(Disposition.ENTREE);", "        int entree = zone.getInt(Disposition.ENTREE);\n        mutex.await();", "tampon"),
("tampon: consommateur sans mutex", "tampon/TamponPartage.java", "        pleines.await();\n        mutex.await();", "        pleines.await();", "tampon", [("        zone.putInt(Disposition.SORTIE, (sortie + 1) % capacite);\n        mutex.post();", "        zone.putInt(Disposition.SORTIE, (sortie + 1) % capacite);")]),
("udp: doublon servi par un total recalculé", "udp/ServeurUdp.java", "            } // sinon : un doublon, la réponse déjà faite repart telle quelle", "            } else {\n                d = new Derniere(d.seq(), total()); // recalculé\n            }", "udp"),
("chat: présents modifiés sans verrou", "chat/ServeurChat.java", "    synchronized void diffuser(String ligne) {", "    void diffuser(String ligne) {", "chat", [("            synchronized (this) {\n                presents.add(envoi);\n            }", "            presents.add(envoi);"), ("            synchronized (this) {\n                etaitLa = envoi != null && presents.remove(envoi);", "            {\n                etaitLa = envoi != null && presents.remove(envoi);")]),
("chat: diffusion par écritures bloquantes (l'ancienne solution)", "chat/ServeurChat.java", "            e.envoyer(ligne); // ne bloque jamais : l'écrivain écrira", "            java.io.PrintWriter p = sorties.get(e);\n            p.println(ligne);\n            p.flush();", "chat", [("    private final Set<Socket> connexions = new HashSet<>();", "    private final Set<Socket> connexions = new HashSet<>();\n    private final java.util.Map<Envoi, java.io.PrintWriter> sorties = new java.util.HashMap<>();"), ("            synchronized (this) {\n                presents.add(envoi);", "            synchronized (this) {\n                sorties.put(envoi, new java.io.PrintWriter(new java.io.OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)));\n                presents.add(envoi);")]),
("selector: écriture partielle ignorée", "selector/ServeurSelecteur.java", "                c.write(tete); // écrit ce que le noyau accepte, peut-être rien\n                if (tete.hasRemaining()) {\n                    return; // tampon d'envoi plein : on attendra OP_WRITE\n                }\n                client.aEcrire.poll();", "                c.write(tete);\n                client.aEcrire.poll();", "selector"),
("selector: un read pris pour une ligne", "selector/ServeurSelecteur.java", "        for (String ligne : Lignes.extraire(client.lu)) {", "        client.lu.flip();\n        byte[] tout = new byte[client.lu.remaining()];\n        client.lu.get(tout);\n        client.lu.clear();\n        for (String ligne : java.util.List.of(new String(tout, java.nio.charset.StandardCharsets.UTF_8).strip())) {", "selector"),
("selector: départ sans cancel ni close", "selector/ServeurSelecteur.java", "            cle.cancel();\n            c.close();\n            if (client.pseudo != null) {\n                diffuser(Protocole.depart(client.pseudo));\n            }", "            if (client.pseudo != null) {\n                diffuser(Protocole.depart(client.pseudo));\n                client.pseudo = null;\n            }", "selector"),
]


TPS = ["philosophes", "prodcons", "calcul", "serveurmq", "tampon", "udp",
       "chat", "selector"]


def preparer(tmp):
    """Compile solutions et tests ; rend le class path de test."""
    if os.environ.get('MUTANTS_CP'):  # déjà compilé (passages en parallèle)
        return open(os.environ['MUTANTS_CP'], encoding='utf-8').read().strip()
    fichier = os.path.join(tmp, 'classpath.txt')
    r = subprocess.run(['./mvnw', '-q', '-pl', 'solutions', '-am', 'test-compile',
                        '-Dmutants.classpath=' + fichier],
                       capture_output=True, text=True, timeout=1800)
    if r.returncode != 0 or not os.path.exists(fichier):
        sys.exit('compilation des solutions impossible :\n' + r.stdout + r.stderr)
    return open(fichier, encoding='utf-8').read().strip()


def java():
    home = os.environ.get('JAVA_HOME')
    return os.path.join(home, 'bin', 'java') if home else 'java'


def javac():
    home = os.environ.get('JAVA_HOME')
    return os.path.join(home, 'bin', 'javac') if home else 'javac'


def verifier(cp, tp):
    """Un passage des tests du TP ; rend (tenu ?, première attente en échec)."""
    r = subprocess.run([java(), '--enable-native-access=ALL-UNNAMED',
                        '-XX:TieredStopAtLevel=1', '-cp', cp,
                        'fr.progsys.tp.Verificateur', tp],
                       capture_output=True, text=True, timeout=600)
    echecs = [l.replace('[ÉCHEC]', '').strip() for l in r.stdout.splitlines()
              if '[ÉCHEC]' in l]
    return r.returncode == 0, (echecs[0] if echecs else r.stdout[-300:])


def compiler(entree, cp, dossier):
    """Écrit le mutant à part et le compile ; rend un message d'erreur ou None."""
    nom, f, a, b, tp = entree[:5]
    autres = entree[5] if len(entree) > 5 else []
    origine = open(S + f, encoding='utf-8').read()
    if a not in origine:
        return 'texte à remplacer introuvable : ' + a[:60]
    mutant = origine.replace(a, b, 1)
    for x, y in autres:
        if x not in mutant:
            return 'texte à remplacer introuvable : ' + x[:60]
        mutant = mutant.replace(x, y, 1)
    src = os.path.join(dossier, 'src', f)
    os.makedirs(os.path.dirname(src), exist_ok=True)
    open(src, 'w', encoding='utf-8').write(mutant)
    classes = os.path.join(dossier, 'classes')
    r = subprocess.run([javac(), '-nowarn', '-encoding', 'UTF-8', '-d', classes,
                        '-cp', cp, src], capture_output=True, text=True)
    if r.returncode != 0:
        return 'ne compile pas : ' + (r.stdout + r.stderr)[:400]
    return None


def main():
    os.chdir(RACINE)
    args = sys.argv[1:]
    n = 5
    if '-n' in args:
        i = args.index('-n')
        n = int(args[i + 1])
        del args[i:i + 2]
    if '--liste' in args:
        for entree in M:
            print(entree[0])
        return
    table = None
    if '--table' in args:
        i = args.index('--table')
        table = os.path.abspath(os.path.join(os.environ.get('PWD', '.'),
                                             args[i + 1]))
        del args[i:i + 2]
    solutions = '--solutions' in args
    filtres = [x for x in args if not x.startswith('--')]
    tmp = tempfile.mkdtemp(prefix='mutants-')
    try:
        cp = preparer(tmp)
        if solutions:
            rates = 0
            for tp in TPS:
                if filtres and not any(x in tp for x in filtres):
                    continue
                t0 = time.time()
                resultats = [verifier(cp, tp) for _ in range(n)]
                ok = sum(1 for r in resultats if r[0])
                if ok < n:
                    rates += 1
                raison = next((r[1] for r in resultats if not r[0]), '')
                print(f'solution {tp} : passe {ok}/{n}'
                      f' ({(time.time() - t0) / n:.1f} s par passage)'
                      + (f' — {raison}' if raison else ''), flush=True)
            sys.exit(1 if rates else 0)
        rates = 0
        lignes = []
        for k, entree in enumerate(M):
            nom, tp = entree[0], entree[4]
            if filtres and not any(x in nom for x in filtres):
                continue
            if '--anciens' in args and k >= 27:  # les 27 d'origine seulement
                continue
            dossier = os.path.join(tmp, str(k))
            erreur = compiler(entree, cp, dossier)
            if erreur:
                rates += 1
                print(f'{nom} : {erreur}', flush=True)
                continue
            attrapes = []
            for _ in range(n):
                tenu, raison = verifier(os.path.join(dossier, 'classes') + ':'
                                        + cp, tp)
                if not tenu:
                    attrapes.append(raison)
            if len(attrapes) == n:
                par = sorted(set(attrapes))
                print(f'{nom} : attrapé {n}/{n} par « ' + ' » ; « '.join(par[:2])
                      + ' »', flush=True)
                lignes.append((tp, nom.split(': ', 1)[-1], par[0], f'{n}/{n}'))
            else:
                rates += 1
                print(f'{nom} : PAS TOUJOURS ATTRAPÉ {len(attrapes)}/{n}',
                      flush=True)
                lignes.append((tp, nom.split(': ', 1)[-1],
                               'PAS TOUJOURS ATTRAPÉ', f'{len(attrapes)}/{n}'))
        if table:
            import csv
            with open(table, 'w', encoding='utf-8', newline='') as f:
                w = csv.writer(f, lineterminator='\n')
                w.writerow(['TP', 'Solution fausse', 'Exigence en échec',
                            'Attrapé'])
                for l in sorted(lignes, key=lambda l: TPS.index(l[0])):
                    w.writerow(l)
        sys.exit(1 if rates else 0)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
