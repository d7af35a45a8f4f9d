/**
 * Le modèle mémoire de Java (JMM), éprouvé par jcstress : chaque classe est un
 * test que jcstress lance des millions de fois, sur plusieurs réglages de la
 * JVM (interpréteur, compilateurs C1 et C2), en comptant chaque issue observée.
 *
 * <p>Chaque {@code @Outcome} classe une issue : {@code ACCEPTABLE} (permise et
 * attendue), {@code ACCEPTABLE_INTERESTING} (permise par le JMM, et c'est elle
 * que le cours veut montrer), {@code FORBIDDEN} (interdite : une seule
 * occurrence fait échouer le test). La description de chaque test commence
 * par les diapositives qu'il éclaire.
 */
package fr.progsys.jmm;
