package io.collections.bootstrap.architecture.broken.domain;

/** Breaks "the domain uses only the JDK" by reaching into a library and into an adapter. */
public class LeakyDomain {
    public Object parse() {
        return new com.tngtech.archunit.core.importer.ClassFileImporter();
    }

    public Object adapter() {
        return new io.collections.bootstrap.architecture.broken.adapter.http.RouteInDomain();
    }
}
