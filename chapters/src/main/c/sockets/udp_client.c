/* Jumeau C de UdpClient (S09, S11) : lié au port 0, un datagramme par
 * requête (sendto), la réponse par recvfrom, avec un délai.
 * Usage : udp_client PORT REQUÊTE…
 * gcc -std=c11 -Wall -o udp_client udp_client.c */
// tag::main[]
#define _DEFAULT_SOURCE /* POSIX et BSD (struct timeval…) malgré -std=c11 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc < 3) {
        fprintf(stderr, "usage : %s PORT REQUÊTE…\n", argv[0]);
        return 2;
    }
    struct sockaddr_in me = {0}, server = {0}, from;
    me.sin_family = server.sin_family = AF_INET;
    inet_pton(AF_INET, "127.0.0.1", &me.sin_addr);     /* texte -> binaire */
    server.sin_addr = me.sin_addr;
    me.sin_port = htons(0);                            /* port 0 : au choix */
    server.sin_port = htons((unsigned short) atoi(argv[1]));
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd == -1 || bind(fd, (struct sockaddr *) &me, sizeof me) == -1) {
        perror("socket/bind");
        return 1;
    }
    socklen_t len = sizeof me;
    getsockname(fd, (struct sockaddr *) &me, &len);  /* le port choisi */
    printf("client lié à 127.0.0.1:%d\n", ntohs(me.sin_port));
    struct timeval delay = {.tv_sec = 2};              /* SO_RCVTIMEO */
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &delay, sizeof delay);
    for (int i = 2; i < argc; i++) {
        char buf[2048];
        sendto(fd, argv[i], strlen(argv[i]), 0,
               (struct sockaddr *) &server, sizeof server);
        len = sizeof from;
        ssize_t n = recvfrom(fd, buf, sizeof buf - 1, 0,
                             (struct sockaddr *) &from, &len);
        if (n < 0) {                                   /* EAGAIN : délai */
            printf("%s → (pas de réponse en 2000 ms)\n", argv[i]);
            continue;
        }
        while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
            n--;
        buf[n] = '\0';
        printf("%s → %s\n", argv[i], buf);
    }
    close(fd);
    return 0;
}
// end::main[]
