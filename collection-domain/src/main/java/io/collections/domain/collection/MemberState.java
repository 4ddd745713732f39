package io.collections.domain.collection;

import io.collections.domain.NotFoundException;
import io.collections.domain.ProductId;

/**
 * How one product stands with one collection: matched by the rules, added by hand, removed by hand. It is a
 * member when {@code (matched or added) and not removed}: members = (rule matches ∪ added) − removed.
 */
public record MemberState(boolean matchedByRules, boolean addedByHand, boolean removedByHand) {
    public static final MemberState NONE = new MemberState(false, false, false);

    public boolean isMember() {
        return (matchedByRules || addedByHand) && !removedByHand;
    }

    /** Whether there is anything to remember; a state that is all false need not be stored. */
    public boolean isRecorded() {
        return matchedByRules || addedByHand || removedByHand;
    }

    /** Added by hand: in {@code added}, out of {@code removed}. Adding a member again changes nothing. */
    public MemberState afterAdd() {
        return new MemberState(matchedByRules, true, false);
    }

    /**
     * Removed by hand: out of {@code added}; into {@code removed} when the rules still match, so it stays out.
     *
     * @throws NotFoundException when the product is not a member
     */
    public MemberState afterRemove(ProductId productId) {
        if (!isMember()) {
            throw new NotFoundException("product in this collection", productId);
        }
        return new MemberState(matchedByRules, false, matchedByRules);
    }

    public MemberState withRuleMatch(boolean matched) {
        return new MemberState(matched, addedByHand, removedByHand);
    }
}
