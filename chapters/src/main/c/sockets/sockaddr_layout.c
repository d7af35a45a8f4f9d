/* Jumeau C de SockaddrIn et de SocketDir : ce que disent les en-têtes de la
 * glibc sur struct sockaddr_in et struct sockaddr_un, sous la forme
 * « clé=valeur », pour que les tests les comparent à ce que fait Java.
 * Compilation : gcc -Wall -o sockaddr_layout sockaddr_layout.c */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(void)
{
    struct sockaddr_in in;
    memset(&in, 0, sizeof in);
    in.sin_family = AF_INET;
    in.sin_port = htons(5000);
    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* 127.0.0.1 */
    printf("sizeof(struct sockaddr_in)=%zu\n", sizeof in);
    printf("offsetof(sin_family)=%zu\n", offsetof(struct sockaddr_in, sin_family));
    printf("offsetof(sin_port)=%zu\n", offsetof(struct sockaddr_in, sin_port));
    printf("offsetof(sin_addr)=%zu\n", offsetof(struct sockaddr_in, sin_addr));
    printf("offsetof(sin_zero)=%zu\n", offsetof(struct sockaddr_in, sin_zero));
    printf("sizeof(sin_family)=%zu\n", sizeof in.sin_family);
    printf("octets(127.0.0.1:5000)=");
    for (size_t i = 0; i < sizeof in; i++) {
        printf("%02x", ((unsigned char *) &in)[i]);
    }
    printf("\n");
    printf("sizeof(struct sockaddr_un)=%zu\n", sizeof(struct sockaddr_un));
    printf("offsetof(sun_path)=%zu\n", offsetof(struct sockaddr_un, sun_path));
    printf("sizeof(sun_path)=%zu\n", sizeof ((struct sockaddr_un *) 0)->sun_path);
    printf("AF_UNIX=%d\nAF_INET=%d\nAF_INET6=%d\n", AF_UNIX, AF_INET, AF_INET6);
    /* 3, 6 et 7 : AF_IMPLINK, AF_NS et AF_ISO sous BSD, autre chose ici. */
    printf("AF_AX25=%d\nAF_NETROM=%d\nAF_BRIDGE=%d\n", AF_AX25, AF_NETROM,
           AF_BRIDGE);
    printf("SOMAXCONN=%d\n", SOMAXCONN);
    return 0;
}
