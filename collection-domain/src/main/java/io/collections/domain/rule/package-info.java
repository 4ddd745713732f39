/** Product inclusion rules: what each rule type and relation means, rule sets (ALL or ANY) and the rule index. */
package io.collections.domain.rule;
