package io.collections.bootstrap.architecture.broken.adapter.http;

/** An adapter class the broken domain reaches into. */
public class RouteInDomain {
}
