package fr.progsys;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marque une classe d'exemple du cours : son nom court (celui que l'on passe
 * au lanceur), les diapositives qu'elle illustre et une description d'une ligne.
 *
 * <p>Le lanceur ({@link Launcher}) et la vérification du livre trouvent les
 * exemples grâce à cette annotation : un exemple non annoté n'existe pas.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Example {

    /** Nom court, de la forme {@code chapitre.sujet}, par exemple {@code threads.creation}. */
    String name();

    /** Identifiants des diapositives illustrées (voir SLIDES.md), par exemple {@code "T04"}. */
    String[] slides();

    /** Ce que montre l'exemple, en une ligne. */
    String value();

    /**
     * Les arguments admis, tels que la ligne d'usage les montre, par exemple
     * {@code "[--port N] [--idle S]"} ; vide si l'exemple n'en prend pas.
     * Voir {@link fr.progsys.support.Cli}.
     */
    String usage() default "";
}
