/* Taille d'un datagramme UDP qui passe sans fragmentation. Avec
 * IP_PMTUDISC_DO (bit DF), send refuse (EMSGSIZE) ce qui ne tient pas dans
 * un seul paquet du MTU de la route ; sans, IPv4 fragmente, ce que compte
 * FragCreates dans /proc/net/snmp. Usage : udp_df TAILLE...
 * Compilation : gcc -Wall -o udp_df udp_df.c */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "errnames.h"

/* Le compteur FragCreates de la ligne « Ip: » de /proc/net/snmp. */
static long frag_creates(void)
{
    FILE *f = fopen("/proc/net/snmp", "r");
    char names[4096], values[4096];
    long result = -1;
    if (f == NULL) {
        return -1;
    }
    while (fgets(names, sizeof names, f) && fgets(values, sizeof values, f)) {
        if (strncmp(names, "Ip:", 3) != 0) {
            continue;
        }
        char *n_save, *v_save;
        char *n = strtok_r(names, " \n", &n_save);
        char *v = strtok_r(values, " \n", &v_save);
        while (n && v) {
            if (strcmp(n, "FragCreates") == 0) {
                result = atol(v);
            }
            n = strtok_r(NULL, " \n", &n_save);
            v = strtok_r(NULL, " \n", &v_save);
        }
        break;
    }
    fclose(f);
    return result;
}

int main(int argc, char *argv[])
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int rx = socket(AF_INET, SOCK_DGRAM, 0); /* le destinataire */
    socklen_t len = sizeof a;
    if (bind(rx, (struct sockaddr *) &a, sizeof a) == -1
        || getsockname(rx, (struct sockaddr *) &a, &len) == -1) {
        perror("bind");
        return 1;
    }
    int tx = socket(AF_INET, SOCK_DGRAM, 0);
    int frag = socket(AF_INET, SOCK_DGRAM, 0);
    int df = IP_PMTUDISC_DO; /* ne jamais fragmenter */
    int dont = IP_PMTUDISC_DONT; /* fragmenter au besoin */
    setsockopt(tx, IPPROTO_IP, IP_MTU_DISCOVER, &df, sizeof df);
    setsockopt(frag, IPPROTO_IP, IP_MTU_DISCOVER, &dont, sizeof dont);
    if (connect(tx, (struct sockaddr *) &a, sizeof a) == -1
        || connect(frag, (struct sockaddr *) &a, sizeof a) == -1) {
        perror("connect");
        return 1;
    }
    int mtu = 0;
    len = sizeof mtu;
    getsockopt(tx, IPPROTO_IP, IP_MTU, &mtu, &len);
    printf("MTU de la route : %d\n", mtu);
    static char data[70000];
    for (int i = 1; i < argc; i++) {
        int size = atoi(argv[i]);
        if (send(tx, data, (size_t) size, 0) == -1) {
            printf("%d octets, sans fragmenter : %s\n", size, errname(errno));
        } else {
            printf("%d octets, sans fragmenter : envoyé\n", size);
        }
        long before = frag_creates();
        if (send(frag, data, (size_t) size, 0) == -1) {
            printf("%d octets, fragmentable : %s\n", size, errname(errno));
        } else {
            printf("%d octets, fragmentable : %ld fragments créés\n", size,
                   frag_creates() - before);
        }
    }
    close(frag);
    close(tx);
    close(rx);
    return 0;
}
