/**
 * The use cases: one class per user action. Each takes the {@link io.collections.application.Caller}, checks what
 * the caller may do, runs in one transaction, loads through the domain's ports, asks the aggregate, and saves.
 */
package io.collections.application;
