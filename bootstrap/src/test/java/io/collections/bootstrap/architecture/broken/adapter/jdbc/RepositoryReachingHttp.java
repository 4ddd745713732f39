package io.collections.bootstrap.architecture.broken.adapter.jdbc;

/** Breaks "no adapter depends on another" and "nothing depends on bootstrap". */
public class RepositoryReachingHttp {
    public Object route() {
        return new io.collections.bootstrap.architecture.broken.adapter.http.RouteInDomain();
    }

    public Object wiring() {
        return new io.collections.bootstrap.architecture.broken.bootstrap.Wiring();
    }
}
