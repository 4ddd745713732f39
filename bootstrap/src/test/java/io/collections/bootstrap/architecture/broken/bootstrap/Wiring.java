package io.collections.bootstrap.architecture.broken.bootstrap;

/** The wiring the broken adapter depends on. */
public class Wiring {
}
