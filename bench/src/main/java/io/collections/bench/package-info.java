/** JMH benchmarks of the domain: the rule index among many collections and one rule set over a large catalog. */
package io.collections.bench;
