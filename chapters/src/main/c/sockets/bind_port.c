/* bind d'une socket TCP sur 127.0.0.1:PORT ; affiche « ok » ou le nom de
 * l'errno (EACCES pour un port privilégié sans CAP_NET_BIND_SERVICE).
 * Usage : bind_port PORT. Compilation : gcc -Wall -o bind_port bind_port.c */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "errnames.h"

int main(int argc, char *argv[])
{
    if (argc != 2) {
        fprintf(stderr, "usage : %s PORT\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short) port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (bind(fd, (struct sockaddr *) &a, sizeof a) == -1) {
        printf("port %d : %s\n", port, errname(errno));
    } else {
        printf("port %d : ok\n", port);
    }
    close(fd);
    return 0;
}
