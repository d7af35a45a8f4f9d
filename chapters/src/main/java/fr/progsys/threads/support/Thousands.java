package fr.progsys.threads.support;

import java.util.Locale;

/**
 * Les grands nombres à la française, avec une espace ordinaire : 30 000 000.
 * Outil des exemples, pas un exemple du cours.
 */
public final class Thousands {

    private Thousands() {
    }

    public static String of(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
