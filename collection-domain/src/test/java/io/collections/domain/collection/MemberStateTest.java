package io.collections.domain.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.NotFoundException;
import io.collections.domain.ProductId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** members = (rule matches ∪ added) − removed, one product at a time (SPEC section 5). */
class MemberStateTest {
    private static final ProductId PRODUCT = new ProductId(9);

    @Test
    void nothingRecordedIsNoMember() {
        assertThat(MemberState.NONE.isMember()).isFalse();
        assertThat(MemberState.NONE.isRecorded()).isFalse();
    }

    @Test
    void addingMakesAMemberAndAddingAgainChangesNothing() {
        MemberState added = MemberState.NONE.afterAdd();
        assertThat(added).isEqualTo(new MemberState(false, true, false));
        assertThat(added.isMember()).isTrue();
        assertThat(added.afterAdd()).isEqualTo(added);
        MemberState matched = MemberState.NONE.withRuleMatch(true);
        assertThat(matched.isMember()).isTrue();
        assertThat(matched.afterAdd()).isEqualTo(new MemberState(true, true, false));
    }

    @Test
    void removingANonMemberIsNotFound() {
        assertThatThrownBy(() -> MemberState.NONE.afterRemove(PRODUCT))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.id()).isEqualTo("9"));
        MemberState removed = new MemberState(true, false, true);
        assertThat(removed.isMember()).isFalse();
        assertThatThrownBy(() -> removed.afterRemove(PRODUCT)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void removingAHandPickedProductForgetsIt() {
        MemberState after = MemberState.NONE.afterAdd().afterRemove(PRODUCT);
        assertThat(after).isEqualTo(MemberState.NONE);
        assertThat(after.isRecorded()).isFalse();
    }

    @Test
    void removingARuleMatchKeepsItOutWhileTheRulesStillMatch() {
        MemberState removed = MemberState.NONE.withRuleMatch(true).afterAdd().afterRemove(PRODUCT);
        assertThat(removed).isEqualTo(new MemberState(true, false, true));
        assertThat(removed.isMember()).isFalse();
        assertThat(removed.isRecorded()).isTrue();
        assertThat(removed.withRuleMatch(true).isMember()).as("rules re-evaluated, still out").isFalse();
    }

    @Test
    void addingAgainClearsTheRemoval() {
        MemberState readded = new MemberState(true, false, true).afterAdd();
        assertThat(readded).isEqualTo(new MemberState(true, true, false));
        assertThat(readded.isMember()).isTrue();
    }

    @Test
    void aRuleMatchThatEndsEndsMembershipUnlessAdded() {
        assertThat(MemberState.NONE.withRuleMatch(true).withRuleMatch(false).isMember()).isFalse();
        assertThat(MemberState.NONE.withRuleMatch(true).afterAdd().withRuleMatch(false).isMember()).isTrue();
    }

    /**
     * Thousands of random rule flips, adds and removes over a few products; after each, the members read off the
     * states equal (ruleMatches ∪ added) − removed kept as plain sets by the rules of SPEC section 5.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 99, 2024, 31337})
    void membersAlwaysFollowTheFormula(long seed) {
        Random random = new Random(seed);
        int products = 40;
        Map<Integer, MemberState> states = new HashMap<>();
        Set<Integer> ruleMatches = new HashSet<>();
        Set<Integer> added = new HashSet<>();
        Set<Integer> removed = new HashSet<>();
        int refusedRemovals = 0;
        int acceptedRemovals = 0;
        for (int step = 0; step < 20_000; step++) {
            int product = random.nextInt(products);
            ProductId id = new ProductId(product + 1);
            MemberState state = states.getOrDefault(product, MemberState.NONE);
            Set<Integer> membersBefore = formula(ruleMatches, added, removed);
            switch (random.nextInt(3)) {
                case 0:
                    boolean matched = random.nextBoolean();
                    states.put(product, state.withRuleMatch(matched));
                    if (matched) {
                        ruleMatches.add(product);
                    } else {
                        ruleMatches.remove(product);
                    }
                    break;
                case 1:
                    states.put(product, state.afterAdd());
                    added.add(product);
                    removed.remove(product);
                    break;
                default:
                    if (!membersBefore.contains(product)) {
                        assertThatThrownBy(() -> state.afterRemove(id)).isInstanceOf(NotFoundException.class);
                        refusedRemovals++;
                    } else {
                        states.put(product, state.afterRemove(id));
                        added.remove(product);
                        if (ruleMatches.contains(product)) {
                            removed.add(product);
                        }
                        acceptedRemovals++;
                    }
                    break;
            }
            Set<Integer> members = new HashSet<>();
            states.forEach((p, s) -> {
                if (s.isMember()) {
                    members.add(p);
                }
            });
            assertThat(members).as("step %s", step).isEqualTo(formula(ruleMatches, added, removed));
        }
        assertThat(refusedRemovals).isGreaterThan(100);
        assertThat(acceptedRemovals).isGreaterThan(100);
    }

    private static Set<Integer> formula(Set<Integer> ruleMatches, Set<Integer> added, Set<Integer> removed) {
        Set<Integer> members = new HashSet<>(ruleMatches);
        members.addAll(added);
        members.removeAll(removed);
        return members;
    }
}
