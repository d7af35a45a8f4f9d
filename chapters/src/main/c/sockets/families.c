/* Quelles familles (domaines) socket() accepte-t-il sur cette machine ?
 * Pour chaque numéro de 0 à AF_MAX, on essaie les types usuels ; une
 * famille inconnue du noyau (ou dont le module manque) répond EAFNOSUPPORT.
 * Compilation : gcc -Wall -o families families.c */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "errnames.h"

static const char *const NAMES[AF_MAX] = {
    [AF_UNIX] = "AF_UNIX", [AF_INET] = "AF_INET", [AF_AX25] = "AF_AX25",
    [AF_NETROM] = "AF_NETROM", [AF_BRIDGE] = "AF_BRIDGE",
    [AF_INET6] = "AF_INET6", [AF_KEY] = "AF_KEY",
    [AF_NETLINK] = "AF_NETLINK", [AF_PACKET] = "AF_PACKET",
    [AF_DECnet] = "AF_DECnet", [AF_IPX] = "AF_IPX",
    [AF_APPLETALK] = "AF_APPLETALK", [AF_X25] = "AF_X25",
    [AF_CAN] = "AF_CAN", [AF_TIPC] = "AF_TIPC",
    [AF_BLUETOOTH] = "AF_BLUETOOTH", [AF_ALG] = "AF_ALG",
    [AF_VSOCK] = "AF_VSOCK", [AF_XDP] = "AF_XDP",
};

/* Affiche « AF_X : valeur » ou « AF_X : absent des en-têtes ». */
#define SHOW(name, defined, value)                                    \
    printf("%s : %s\n", name, defined ? value : "absent des en-têtes")
#define STR2(x) #x
#define STR(x) STR2(x)

int main(void)
{
    static const int TYPES[] = {SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET,
                                SOCK_RAW};
    struct utsname u;
    uname(&u);
    printf("noyau %s, AF_MAX = %d\n", u.release, AF_MAX);
    /* Les trois domaines « autres » de la diapositive, des noms de BSD. */
#ifdef AF_ISO
    SHOW("AF_ISO", 1, STR(AF_ISO));
#else
    SHOW("AF_ISO", 0, "");
#endif
#ifdef AF_NS
    SHOW("AF_NS", 1, STR(AF_NS));
#else
    SHOW("AF_NS", 0, "");
#endif
#ifdef AF_IMPLINK
    SHOW("AF_IMPLINK", 1, STR(AF_IMPLINK));
#else
    SHOW("AF_IMPLINK", 0, "");
#endif
    char refused[1024] = "";
    size_t used = 0;
    for (int family = 0; family <= AF_MAX; family++) {
        int accepted = 0, unsupported = 0;
        for (size_t t = 0; t < sizeof TYPES / sizeof TYPES[0]; t++) {
            int fd = socket(family, TYPES[t], 0);
            if (fd >= 0) {
                accepted = 1;
                close(fd);
            } else if (errno == EAFNOSUPPORT) {
                unsupported++;
            }
        }
        const char *name = family < AF_MAX && NAMES[family] ? NAMES[family]
                                                             : "?";
        if (unsupported == 4) { /* aucun type : famille inconnue ici */
            used += snprintf(refused + used, sizeof refused - used, " %d",
                             family);
        } else { /* acceptée, ou connue mais pas avec ces types */
            printf("famille %d (%s) : %s\n", family, name,
                   accepted ? "acceptée" : "connue, types refusés");
        }
    }
    /* Les numéros refusés, par lignes de 80 colonnes au plus. */
    printf("EAFNOSUPPORT :");
    int column = 14;
    for (char *p = strtok(refused, " "); p; p = strtok(NULL, " ")) {
        if (column + 1 + (int) strlen(p) > 80) {
            printf("\n ");
            column = 1;
        }
        column += printf(" %s", p);
    }
    printf("\n");
    return 0;
}
