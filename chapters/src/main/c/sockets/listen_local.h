/* Le début commun des serveurs jumeaux (thread_server.c, select_server.c) :
 * une socket TCP d'écoute sur 127.0.0.1, port choisi par le noyau. */
// tag::main[]
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

static int listen_local(void) {
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(0)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);  /* texte -> binaire */
    socklen_t len = sizeof a;
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener == -1 || bind(listener, (struct sockaddr *) &a, len) == -1
            || listen(listener, SOMAXCONN) == -1) {
        perror("socket/bind/listen");
        exit(1);
    }
    getsockname(listener, (struct sockaddr *) &a, &len); /* le port pris */
    printf("écoute sur 127.0.0.1:%d\n", ntohs(a.sin_port));
    fflush(stdout);
    return listener;
}
// end::main[]
