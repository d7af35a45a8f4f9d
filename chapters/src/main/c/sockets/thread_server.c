/* Jumeau C de ThreadPerConnectionServer (S15, S16) : accept dans une boucle,
 * un thread par connexion. Réduit au strict : PING → PONG, QUIT → BYE puis
 * fermeture, autre chose → ERR ; une ligne par read().
 * Usage : thread_server (écoute sur 127.0.0.1, port choisi par le noyau).
 * gcc -std=c11 -Wall -o thread_server thread_server.c -pthread */
// tag::main[]
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "listen_local.h"

static void *serve(void *arg) {
    int fd = (int) (intptr_t) arg;   /* le descripteur passé par valeur */
    char line[256];
    ssize_t n;
    while ((n = read(fd, line, sizeof line - 1)) > 0) { /* bloque ici */
        line[n] = '\0';
        line[strcspn(line, "\r\n")] = '\0';
        int quit = strcmp(line, "QUIT") == 0;
        const char *reply = strcmp(line, "PING") == 0 ? "PONG\n"
                          : quit ? "BYE\n" : "ERR\n";
        write(fd, reply, strlen(reply));
        if (quit)
            break;
    }
    close(fd);
    return NULL;
}

int main(void) {
    int listener = listen_local();      /* socket, bind, listen */
    for (;;) {
        int client = accept(listener, NULL, NULL); /* bloque */
        if (client == -1)
            continue;
        pthread_t t;
        pthread_create(&t, NULL, serve, (void *) (intptr_t) client);
        pthread_detach(t);           /* personne ne le joindra */
        printf("connexion : descripteur %d, un thread de plus\n", client);
        fflush(stdout);
    }
}
// end::main[]
