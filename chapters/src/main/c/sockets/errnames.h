/* Le nom symbolique d'un errno (strerrorname_np n'existe qu'à partir de la
 * glibc 2.32) : seulement ceux que rendent les jumeaux C des sockets. */
#ifndef ERRNAMES_H
#define ERRNAMES_H
#include <errno.h>

__attribute__((unused)) static const char *errname(int e)
{
    switch (e) {
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
    case ESOCKTNOSUPPORT: return "ESOCKTNOSUPPORT";
    case EPROTOTYPE: return "EPROTOTYPE";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case EINVAL: return "EINVAL";
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case EADDRINUSE: return "EADDRINUSE";
    case EADDRNOTAVAIL: return "EADDRNOTAVAIL";
    case EMSGSIZE: return "EMSGSIZE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENOENT: return "ENOENT";
    case ENOBUFS: return "ENOBUFS";
    case ENOMEM: return "ENOMEM";
    default: return "autre";
    }
}
#endif
