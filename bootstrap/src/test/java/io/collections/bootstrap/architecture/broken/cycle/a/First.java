package io.collections.bootstrap.architecture.broken.cycle.a;

/** One half of a package cycle. */
public class First {
    public Object other() {
        return new io.collections.bootstrap.architecture.broken.cycle.b.Second();
    }
}
