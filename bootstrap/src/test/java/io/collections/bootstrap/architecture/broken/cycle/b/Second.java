package io.collections.bootstrap.architecture.broken.cycle.b;

/** The other half of a package cycle. */
public class Second {
    public Object other() {
        return new io.collections.bootstrap.architecture.broken.cycle.a.First();
    }
}
