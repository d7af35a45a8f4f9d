/* Le noyau Linux accepte un sun_path plein, sans zéro final (unix(7),
 * BUGS) : on copie le chemin sans son zéro et l'on passe la longueur exacte
 * à bind. Usage : sun_path CHEMIN (108 octets au plus).
 * Compilation : gcc -Wall -o sun_path sun_path.c */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "errnames.h"

int main(int argc, char *argv[])
{
    struct sockaddr_un a;
    size_t len = argc == 2 ? strlen(argv[1]) : 0;
    if (len == 0 || len > sizeof a.sun_path) {
        fprintf(stderr, "usage : %s CHEMIN (1 à %zu octets)\n", argv[0],
                sizeof a.sun_path);
        return 2;
    }
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    memcpy(a.sun_path, argv[1], len); /* sans le zéro final si len = 108 */
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    socklen_t size = offsetof(struct sockaddr_un, sun_path) + len;
    if (bind(fd, (struct sockaddr *) &a, size) == -1) {
        printf("%zu octets : bind : %s\n", len, errname(errno));
        return 1;
    }
    struct stat st;
    int found = stat(argv[1], &st) == 0 && S_ISSOCK(st.st_mode);
    printf("%zu octets : lié, fichier de socket %s\n", len,
           found ? "présent sous ce nom" : "absent");
    close(fd);
    unlink(argv[1]);
    return found ? 0 : 1;
}
