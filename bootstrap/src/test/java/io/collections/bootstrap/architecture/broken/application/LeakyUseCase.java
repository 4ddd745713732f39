package io.collections.bootstrap.architecture.broken.application;

/** Breaks "the application uses only the domain" by reaching into an adapter. */
public class LeakyUseCase {
    public Object repository() {
        return new io.collections.bootstrap.architecture.broken.adapter.jdbc.RepositoryReachingHttp();
    }
}
