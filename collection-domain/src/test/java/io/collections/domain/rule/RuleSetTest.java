package io.collections.domain.rule;

import static io.collections.domain.Fixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import io.collections.domain.product.ProductDetails;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {
    private static final InclusionRule ACME = InclusionRule.of("brand", null, "Acme");
    private static final InclusionRule CHEAP = InclusionRule.of("price", "less_than", "10");
    private static final InclusionRule SALE = InclusionRule.of("tag", "equals", "sale");

    private static final ProductDetails ACME_CHEAP_SALE = details().brand("ACME").price(new BigDecimal("9.99"))
            .tags(List.of("Sale")).build();
    private static final ProductDetails ACME_DEAR = details().brand("acme").price(new BigDecimal("10")).build();
    private static final ProductDetails OTHER = details().brand("Other").price(new BigDecimal("100")).build();

    @Test
    void allNeedsEveryRule() {
        RuleSet all = new RuleSet(List.of(ACME, CHEAP, SALE), true);
        assertThat(all.matches(ACME_CHEAP_SALE)).isTrue();
        assertThat(all.matches(ACME_DEAR)).isFalse();
        assertThat(all.matches(OTHER)).isFalse();
    }

    @Test
    void anyNeedsOneRule() {
        RuleSet any = new RuleSet(List.of(ACME, CHEAP, SALE), false);
        assertThat(any.matches(ACME_CHEAP_SALE)).isTrue();
        assertThat(any.matches(ACME_DEAR)).isTrue();
        assertThat(any.matches(OTHER)).isFalse();
        assertThat(any.withMatchAll(true).matches(ACME_DEAR)).isFalse();
    }

    @Test
    void noRulesIncludeNothingEitherWay() {
        assertThat(RuleSet.NONE.isEmpty()).isTrue();
        for (ProductDetails product : List.of(ACME_CHEAP_SALE, ACME_DEAR, OTHER)) {
            assertThat(new RuleSet(List.of(), true).matches(product)).isFalse();
            assertThat(new RuleSet(List.of(), false).matches(product)).isFalse();
        }
    }

    @Test
    void aSingleNegativeRuleMatchesProductsWithoutTheAttribute() {
        RuleSet notAcme = new RuleSet(List.of(InclusionRule.of("brand", "not_equals", "Acme")), true);
        assertThat(notAcme.matches(details().build())).isTrue();
        assertThat(notAcme.matches(ACME_DEAR)).isFalse();
    }

    @Test
    void rulesAreCopied() {
        java.util.ArrayList<InclusionRule> rules = new java.util.ArrayList<>(List.of(ACME));
        RuleSet set = new RuleSet(rules, true);
        rules.add(CHEAP);
        assertThat(set.rules()).containsExactly(ACME);
        assertThat(set.withRules(rules).rules()).containsExactly(ACME, CHEAP);
        assertThat(set.withRules(rules).matchAll()).isTrue();
    }
}
