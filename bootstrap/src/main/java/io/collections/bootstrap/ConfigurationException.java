package io.collections.bootstrap;

/** A configuration value that cannot be used; the message names the variable and never shows a secret's value. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message, null, false, false);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
