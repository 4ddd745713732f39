package io.collections.domain.rule;

import static io.collections.domain.Fixtures.details;
import static io.collections.domain.Fixtures.set;
import static io.collections.domain.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.collections.domain.product.ProductDetails;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every rule type means with every relation it accepts (SPEC section 4). */
class RuleMatchingTest {

    static List<RuleType> textTypes() {
        return Arrays.stream(RuleType.values()).filter(t -> t.kind() == RuleType.Kind.TEXT).toList();
    }

    /** relation, rule value, product attribute (null = missing), expected. */
    private static final Object[][] TEXT_CASES = {
        {"equals", "Gadget", "Gadget", true},
        {"equals", "Gadget", "gADGET", true},
        {"equals", "GADGET", "gadget", true},
        {"equals", "Gadget", "Gadgets", false},
        {"equals", "Gadget", " Gadget", false},
        {"equals", "Gadget", null, false},
        {"not_equals", "Gadget", "GADGET", false},
        {"not_equals", "Gadget", "Widget", true},
        {"not_equals", "Gadget", null, true},
        {"contains", "ADG", "Gadget", true},
        {"contains", "gadget", "Big GADGET box", true},
        {"contains", "adg", "Widget", false},
        {"contains", "adg", null, false},
        {"not_contains", "ADG", "gadget", false},
        {"not_contains", "adg", "Widget", true},
        {"not_contains", "adg", null, true},
        {"starts_with", "GAD", "gadget", true},
        {"starts_with", "gad", "Big Gadget", false},
        {"starts_with", "gad", null, false},
        {"ends_with", "GET", "Gadget", true},
        {"ends_with", "get", "Gadgets", false},
        {"ends_with", "get", null, false},
    };

    static Stream<Arguments> textCases() {
        List<Arguments> cases = new ArrayList<>();
        for (RuleType type : textTypes()) {
            for (Object[] c : TEXT_CASES) {
                // A product always has a name, and its name is trimmed.
                if (type == RuleType.NAME && (c[2] == null || !c[2].equals(((String) c[2]).strip()))) {
                    continue;
                }
                cases.add(Arguments.of(type.wireName(), c[0], c[1], c[2], c[3]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\" on \"{3}\" -> {4}")
    @MethodSource("textCases")
    void textRules(String type, String relation, String value, String attribute, boolean expected) {
        InclusionRule rule = InclusionRule.of(type, relation, value);
        assertThat(rule).isInstanceOf(TextRule.class);
        assertThat(rule.type().wireName()).isEqualTo(type);
        assertThat(rule.relation().wireName()).isEqualTo(relation);
        assertThat(rule.value()).isEqualTo(value);
        assertThat(rule.matches(with(rule.type(), attribute))).isEqualTo(expected);
    }

    @Test
    void everyTextTypeAcceptsEveryTextRelationAndNoDecimalOne() {
        for (RuleType type : textTypes()) {
            assertThat(type.relations()).containsExactlyInAnyOrder(Relation.EQUALS, Relation.NOT_EQUALS,
                    Relation.CONTAINS, Relation.NOT_CONTAINS, Relation.STARTS_WITH, Relation.ENDS_WITH);
        }
        assertThat(RuleType.TAG.relations()).isEqualTo(RuleType.NAME.relations());
        assertThat(RuleType.PRICE.relations()).containsExactlyInAnyOrder(Relation.EQUALS, Relation.NOT_EQUALS,
                Relation.GREATER_THAN, Relation.LESS_THAN);
        assertThat(RuleType.WEIGHT.relations()).isEqualTo(RuleType.PRICE.relations());
    }

    @Test
    void eachTextTypeLooksAtItsOwnAttribute() {
        for (RuleType type : textTypes()) {
            ProductDetails.Builder builder = details().name("Unrelated");
            for (RuleType other : textTypes()) {
                if (other != type) {
                    set(builder, other, "Needle");
                }
            }
            InclusionRule rule = InclusionRule.of(type.wireName(), "equals", "Needle");
            assertThat(rule.matches(builder.build())).as(type.wireName()).isFalse();
            assertThat(rule.matches(set(builder, type, "needle").build())).as(type.wireName()).isTrue();
        }
    }

    /** relation, rule value, product tags, expected. */
    static Stream<Arguments> tagCases() {
        return Stream.of(
                Arguments.of("equals", "Sale", List.of("new", "sale"), true),
                Arguments.of("equals", "SALE", List.of("Sale"), true),
                Arguments.of("equals", "Sale", List.of("Sales", "resale"), false),
                Arguments.of("equals", "Sale", List.of(), false),
                Arguments.of("not_equals", "Sale", List.of("new", "SALE"), false),
                Arguments.of("not_equals", "Sale", List.of("Sales", "new"), true),
                Arguments.of("not_equals", "Sale", List.of(), true),
                Arguments.of("contains", "ALE", List.of("new", "Sales"), true),
                Arguments.of("contains", "ale", List.of("new", "old"), false),
                Arguments.of("contains", "ale", List.of(), false),
                Arguments.of("not_contains", "ale", List.of("new", "Resale"), false),
                Arguments.of("not_contains", "ale", List.of("new", "old"), true),
                Arguments.of("not_contains", "ale", List.of(), true),
                Arguments.of("starts_with", "SA", List.of("new", "sale"), true),
                Arguments.of("starts_with", "sa", List.of("Resale", "usa"), false),
                Arguments.of("starts_with", "sa", List.of(), false),
                Arguments.of("ends_with", "ALE", List.of("Resale", "new"), true),
                Arguments.of("ends_with", "ale", List.of("Sales", "aleph"), false),
                Arguments.of("ends_with", "ale", List.of(), false));
    }

    @ParameterizedTest(name = "tag {0} \"{1}\" on {2} -> {3}")
    @MethodSource("tagCases")
    void tagRules(String relation, String value, List<String> tags, boolean expected) {
        InclusionRule rule = InclusionRule.of("tag", relation, value);
        assertThat(rule).isInstanceOf(TagRule.class);
        assertThat(rule.type()).isEqualTo(RuleType.TAG);
        assertThat(rule.matches(details().tags(tags).build())).isEqualTo(expected);
    }

    /** relation, rule value, product value (null = missing), expected. */
    private static final Object[][] DECIMAL_CASES = {
        {"equals", "12.5", "12.50", true},
        {"equals", "12.50", "12.5", true},
        {"equals", "12.5", "12.5", true},
        {"equals", "10", "10.000", true},
        {"equals", "1E+1", "10", true},
        {"equals", "0", "0.00", true},
        {"equals", " 12.5 ", "12.5", true},
        {"equals", "12.5", "12.51", false},
        {"equals", "12.5", null, false},
        {"not_equals", "12.5", "12.50", false},
        {"not_equals", "12.5", "13", true},
        {"not_equals", "12.5", null, true},
        {"greater_than", "12.5", "12.51", true},
        {"greater_than", "12.5", "12.500", false},
        {"greater_than", "12.5", "12", false},
        {"greater_than", "-1", "0", true},
        {"greater_than", "12.5", null, false},
        {"less_than", "12.5", "12.49", true},
        {"less_than", "12.5", "12.50", false},
        {"less_than", "12.5", "100", false},
        {"less_than", "12.5", null, false},
    };

    static Stream<Arguments> decimalCases() {
        return Stream.of(RuleType.PRICE, RuleType.WEIGHT).flatMap(type -> Arrays.stream(DECIMAL_CASES)
                .map(c -> Arguments.of(type.wireName(), c[0], c[1], c[2], c[3])));
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\" on {3} -> {4}")
    @MethodSource("decimalCases")
    void decimalRules(String type, String relation, String value, String attribute, boolean expected) {
        InclusionRule rule = InclusionRule.of(type, relation, value);
        assertThat(rule).isInstanceOf(DecimalRule.class);
        assertThat(rule.value()).isEqualTo(value);
        assertThat(rule.matches(with(rule.type(), attribute))).isEqualTo(expected);
    }

    @Test
    void priceAndWeightAreSeparateAttributes() {
        ProductDetails product = details().price(new BigDecimal("5")).weight(new BigDecimal("7")).build();
        assertThat(InclusionRule.of("price", "equals", "5").matches(product)).isTrue();
        assertThat(InclusionRule.of("weight", "equals", "5").matches(product)).isFalse();
        assertThat(InclusionRule.of("weight", "equals", "7.0").matches(product)).isTrue();
    }

    @Test
    void equalDecimalsHaveEqualNormalizedValues() {
        assertThat(((DecimalRule) InclusionRule.of("price", null, "12.50")).normalizedValue()).isEqualTo("12.5");
        assertThat(((DecimalRule) InclusionRule.of("price", null, "1E+2")).normalizedValue()).isEqualTo("100");
        assertThat(((DecimalRule) InclusionRule.of("price", null, "0.000")).normalizedValue()).isEqualTo("0");
        assertThat(DecimalRule.normalize(new BigDecimal("100.00"))).isEqualTo("100");
    }

    @Test
    void missingRelationMeansEquals() {
        for (RuleType type : RuleType.values()) {
            String value = type.kind() == RuleType.Kind.DECIMAL ? "3" : "x";
            assertThat(InclusionRule.of(type.wireName(), null, value).relation()).isEqualTo(Relation.EQUALS);
            assertThat(InclusionRule.parse(4, type.wireName(), null, value).relation()).isEqualTo(Relation.EQUALS);
        }
    }
}
