package fr.progsys.threads;

import java.util.Locale;

/** Les grands nombres à la française, avec une espace ordinaire : 30 000 000. */
final class Thousands {

    private Thousands() {
    }

    static String of(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
