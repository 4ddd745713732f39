package io.collections.domain.rule;

import static io.collections.domain.Fixtures.details;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules that are refused, and how the refusal names the rule's position and what is wrong. */
class RuleParsingTest {

    private static void refused(ThrowingCallable parse, String field, String... reasonParts) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).contains(reasonParts);
            assertThat(e.getMessage()).startsWith(field + " ");
        });
    }

    static Stream<Arguments> decimalTypesWithTextRelations() {
        return Stream.of("price", "weight").flatMap(type -> Stream.of("contains", "not_contains", "starts_with",
                "ends_with").map(relation -> Arguments.of(type, relation)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("decimalTypesWithTextRelations")
    void decimalTypesRefuseTextRelations(String type, String relation) {
        refused(() -> InclusionRule.parse(2, type, relation, "10"), "product_inclusion_rules.rules[2].relation",
                "'" + relation + "'", type, "equals, not_equals, greater_than, less_than");
    }

    static Stream<Arguments> textTypesWithDecimalRelations() {
        return Stream.of(RuleType.values()).filter(t -> t.kind() != RuleType.Kind.DECIMAL)
                .flatMap(type -> Stream.of("greater_than", "less_than").map(r -> Arguments.of(type.wireName(), r)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("textTypesWithDecimalRelations")
    void textTypesRefuseOrderingRelations(String type, String relation) {
        refused(() -> InclusionRule.parse(0, type, relation, "10"), "product_inclusion_rules.rules[0].relation",
                relation, type, "equals, not_equals, contains, not_contains, starts_with, ends_with");
    }

    @Test
    void unknownOrMissingType() {
        refused(() -> InclusionRule.parse(1, "colour", "equals", "red"), "product_inclusion_rules.rules[1].type",
                "'colour' is not a rule type", "product_type", "weight");
        refused(() -> InclusionRule.parse(1, "Product_Type", "equals", "red"),
                "product_inclusion_rules.rules[1].type", "'Product_Type'");
        refused(() -> InclusionRule.parse(1, "", "equals", "red"), "product_inclusion_rules.rules[1].type",
                "is not a rule type");
        refused(() -> InclusionRule.parse(1, null, "equals", "red"), "product_inclusion_rules.rules[1].type",
                "is required", "product_type");
        refused(() -> InclusionRule.parse(0, "x".repeat(500), "equals", "red"),
                "product_inclusion_rules.rules[0].type", "...");
    }

    @Test
    void unknownRelation() {
        refused(() -> InclusionRule.parse(3, "brand", "like", "Acme"), "product_inclusion_rules.rules[3].relation",
                "'like' is not a relation", "contains");
        refused(() -> InclusionRule.parse(3, "brand", "EQUALS", "Acme"), "product_inclusion_rules.rules[3].relation",
                "'EQUALS'");
        refused(() -> InclusionRule.parse(3, "price", "", "1"), "product_inclusion_rules.rules[3].relation",
                "is not a relation", "greater_than");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t \n"})
    void emptyOrBlankValueIsRefusedForEveryType(String value) {
        for (RuleType type : RuleType.values()) {
            refused(() -> InclusionRule.parse(5, type.wireName(), null, value),
                    "product_inclusion_rules.rules[5].value", "must not be empty");
        }
    }

    @Test
    void valueOf255CharactersIsAcceptedAnd256Refused() {
        String max = "v".repeat(255);
        assertThat(InclusionRule.parse(0, "name", "contains", max).value()).isEqualTo(max);
        assertThat(InclusionRule.parse(0, "tag", "equals", max).value()).isEqualTo(max);
        refused(() -> InclusionRule.parse(7, "name", "contains", max + "v"), "product_inclusion_rules.rules[7].value",
                "at most 255 characters");
        refused(() -> InclusionRule.parse(7, "tag", "equals", max + "v"), "product_inclusion_rules.rules[7].value",
                "at most 255 characters");
        refused(() -> InclusionRule.parse(7, "price", "equals", "1".repeat(256)),
                "product_inclusion_rules.rules[7].value", "at most 255 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12,5", "1.2.3", "NaN", "Infinity", "0x10", "$5", "5 EUR", "1e"})
    void nonDecimalPriceOrWeightIsRefused(String value) {
        refused(() -> InclusionRule.parse(2, "price", "equals", value), "product_inclusion_rules.rules[2].value",
                "'" + value + "' is not a decimal number");
        refused(() -> InclusionRule.parse(2, "weight", "greater_than", value),
                "product_inclusion_rules.rules[2].value", "is not a decimal number");
    }

    @Test
    void decimalsOutOfRangeAreRefused() {
        refused(() -> InclusionRule.parse(0, "price", "equals", "1e1000000"), "product_inclusion_rules.rules[0].value",
                "out of range");
        refused(() -> InclusionRule.parse(0, "price", "equals", "1".repeat(60)),
                "product_inclusion_rules.rules[0].value", "out of range");
        assertThat(InclusionRule.parse(0, "price", "less_than", "-3.5").matches(details().build())).isFalse();
    }

    @Test
    void withoutPositionTheFieldIsRule() {
        refused(() -> InclusionRule.of("price", "contains", "1"), "rule.relation", "contains");
        refused(() -> InclusionRule.of("brand", null, ""), "rule.value", "must not be empty");
    }

    @Test
    void atMostSixtyRules() {
        InclusionRule rule = InclusionRule.of("brand", null, "Acme");
        List<InclusionRule> sixty = new ArrayList<>(Collections.nCopies(60, rule));
        assertThat(new RuleSet(sixty, true).rules()).hasSize(60);
        sixty.add(rule);
        refused(() -> new RuleSet(sixty, false), "product_inclusion_rules.rules", "61", "at most 60");
        refused(() -> RuleSet.NONE.withRules(sixty), "product_inclusion_rules.rules", "61");
    }

    @Test
    void recordConstructorsRefuseTypeAndRelationMismatches() {
        assertThatThrownBy(() -> new TextRule(RuleType.PRICE, Relation.EQUALS, "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextRule(RuleType.NAME, Relation.GREATER_THAN, "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TagRule(Relation.LESS_THAN, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecimalRule(RuleType.BRAND, Relation.EQUALS, "1", java.math.BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecimalRule(RuleType.PRICE, Relation.CONTAINS, "1", java.math.BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
