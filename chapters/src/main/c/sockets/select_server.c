/* Jumeau C de SelectorServer (S17) : UN thread sert tous les clients ;
 * select() dit quelles sockets sont prêtes. Réduit au strict : PING → PONG,
 * QUIT → BYE puis fermeture, autre chose → ERR ; une ligne par read()
 * (le Java, lui, garde la ligne commencée : classe Connection).
 * Usage : select_server (écoute sur 127.0.0.1, port choisi par le noyau).
 * gcc -std=c11 -Wall -o select_server select_server.c */
// tag::main[]
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>
#include "listen_local.h"

static void answer(int fd, fd_set *all) {
    char line[256];
    ssize_t n = read(fd, line, sizeof line - 1); /* prête : ne bloque pas */
    if (n <= 0) {                                /* 0 : le client est parti */
        close(fd);
        FD_CLR(fd, all);
        return;
    }
    line[strcspn(line, "\r\n")] = '\0';
    const char *reply = strcmp(line, "PING") == 0 ? "PONG\n"
                      : strcmp(line, "QUIT") == 0 ? "BYE\n" : "ERR\n";
    write(fd, reply, strlen(reply));
    if (strcmp(line, "QUIT") == 0) {
        close(fd);
        FD_CLR(fd, all);
    }
}

int main(void) {
    int listener = listen_local();      /* socket, bind, listen */
    fd_set all;                      /* les sockets à surveiller */
    FD_ZERO(&all);
    FD_SET(listener, &all);
    for (;;) {
        fd_set ready = all;          /* select() écrase son argument */
        if (select(FD_SETSIZE, &ready, NULL, NULL, NULL) == -1) {
            perror("select");
            return 1;
        }
        for (int fd = 0; fd < FD_SETSIZE; fd++) {
            if (!FD_ISSET(fd, &ready))
                continue;
            if (fd == listener) {    /* une connexion attend */
                int client = accept(listener, NULL, NULL);
                printf("connexion : descripteur %d\n", client);
                fflush(stdout);
                FD_SET(client, &all);
            } else {
                answer(fd, &all);
            }
        }
    }
}
// end::main[]
