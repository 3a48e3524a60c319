package cn.anxun.platform.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.extender.ExtenderNamespace;

/**
 * Declares, on any class or package of a bundle, the changelog of the tables the bundle owns: the build writes the
 * {@value Schemas#HEADER} header and the requirement on the schema extender.
 */
@Requirement(namespace = ExtenderNamespace.EXTENDER_NAMESPACE, name = Schemas.EXTENDER, version = "1.0.0")
@Header(name = Schemas.HEADER, value = "${#value};history=${#history}")
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface SchemaChangelog {

    /** The changelog's path in the bundle. */
    String value();

    /** Prefix of the bundle's history tables: capitals and digits, unique among bundles. */
    String history();
}
