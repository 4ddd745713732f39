package io.collections.domain.collection;

import static io.collections.domain.Fixtures.CLIENT;
import static io.collections.domain.Fixtures.T0;
import static io.collections.domain.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.CollectionId;
import io.collections.domain.ConflictException;
import io.collections.domain.UserId;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CollectionLifecycleTest {
    private static final UserId EDITOR = new UserId("editor");
    private static final Instant T1 = T0.plusSeconds(60);

    /** The lifecycle of SPEC section 6, written out independently of {@link CollectionStatus#next()}. */
    private static final Map<CollectionStatus, Set<CollectionStatus>> ALLOWED = Map.of(
            CollectionStatus.DRAFT, EnumSet.of(CollectionStatus.ENABLED, CollectionStatus.DISABLED,
                    CollectionStatus.ARCHIVED),
            CollectionStatus.ENABLED, EnumSet.of(CollectionStatus.DISABLED, CollectionStatus.ARCHIVED),
            CollectionStatus.DISABLED, EnumSet.of(CollectionStatus.ENABLED, CollectionStatus.ARCHIVED),
            CollectionStatus.ARCHIVED, EnumSet.of(CollectionStatus.DRAFT));

    static ProductCollection collection(CollectionStatus status) {
        return ProductCollection.create(new CollectionId(42), CLIENT, "Summer", status, null, null, null, USER, T0);
    }

    static Stream<Arguments> pairs() {
        return Stream.of(CollectionStatus.values())
                .flatMap(from -> Stream.of(CollectionStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void everyPairOfStatuses(CollectionStatus from, CollectionStatus to) {
        ProductCollection before = collection(from);
        if (from == to) {
            ProductCollection same = before.changeStatus(to, EDITOR, T1);
            assertThat(same).isSameAs(before);
            assertThat(same.version()).isEqualTo(1);
            assertThat(same.updatedAt()).isEqualTo(T0);
            assertThat(same.updatedBy()).isEqualTo(USER);
        } else if (ALLOWED.get(from).contains(to)) {
            assertThat(from.canChangeTo(to)).isTrue();
            ProductCollection after = before.changeStatus(to, EDITOR, T1);
            assertThat(after.status()).isEqualTo(to);
            assertThat(after.version()).isEqualTo(2);
            assertThat(after.updatedAt()).isEqualTo(T1);
            assertThat(after.updatedBy()).isEqualTo(EDITOR);
            assertThat(after.createdAt()).isEqualTo(T0);
            assertThat(after.createdBy()).isEqualTo(USER);
            assertThat(before.status()).as("the original is unchanged").isEqualTo(from);
        } else {
            assertThat(from.canChangeTo(to)).isFalse();
            List<String> allowedNames = ALLOWED.get(from).stream().map(Enum::name).toList();
            assertThatThrownBy(() -> before.changeStatus(to, EDITOR, T1))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.allowed()).containsExactlyInAnyOrderElementsOf(allowedNames);
                        assertThat(e.getMessage()).contains(from.name(), to.name());
                        allowedNames.forEach(name -> assertThat(e.getMessage()).contains(name));
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(CollectionStatus.class)
    void nextMatchesTheSpec(CollectionStatus status) {
        assertThat(status.next()).isEqualTo(ALLOWED.get(status));
        assertThat(status.isAvailableToSalesChannels()).isEqualTo(status == CollectionStatus.ENABLED);
    }

    static Stream<Arguments> edits() {
        RuleSet rules = new RuleSet(List.of(InclusionRule.of("brand", null, "Acme")), true);
        return Stream.of(
                Arguments.of("rename", (UnaryOperator<ProductCollection>) c -> c.rename("Winter", EDITOR, T1)),
                Arguments.of("changeImage", (UnaryOperator<ProductCollection>) c -> c.changeImage("img", EDITOR, T1)),
                Arguments.of("replaceRules",
                        (UnaryOperator<ProductCollection>) c -> c.replaceRules(rules, EDITOR, T1)),
                Arguments.of("changeSortOrder",
                        (UnaryOperator<ProductCollection>) c -> c.changeSortOrder(SortOrder.PRICE_DESC, EDITOR, T1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void archivedCollectionRefusesEveryEdit(String edit, UnaryOperator<ProductCollection> change) {
        ProductCollection archived = collection(CollectionStatus.ARCHIVED);
        assertThatThrownBy(() -> change.apply(archived))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.allowed()).containsExactly("DRAFT");
                    assertThat(e.getMessage()).contains("ARCHIVED", "DRAFT");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void editableCollectionsAcceptEveryEditAndCountAVersion(String edit, UnaryOperator<ProductCollection> change) {
        for (CollectionStatus status : EnumSet.complementOf(EnumSet.of(CollectionStatus.ARCHIVED))) {
            ProductCollection before = collection(status);
            ProductCollection after = change.apply(before);
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.updatedAt()).isEqualTo(T1);
            assertThat(after.updatedBy()).isEqualTo(EDITOR);
            assertThat(after.status()).isEqualTo(status);
        }
    }

    @Test
    void ensureEditableRefusesOnlyArchived() {
        assertThatThrownBy(() -> collection(CollectionStatus.ARCHIVED).ensureEditable())
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.allowed()).containsExactly("DRAFT"));
        collection(CollectionStatus.DRAFT).ensureEditable();
        collection(CollectionStatus.ENABLED).ensureEditable();
        collection(CollectionStatus.DISABLED).ensureEditable();
    }

    @Test
    void archivedCanBeRestoredToDraftAndThenEdited() {
        ProductCollection restored = collection(CollectionStatus.ARCHIVED).changeStatus(CollectionStatus.DRAFT,
                EDITOR, T1);
        assertThat(restored.status()).isEqualTo(CollectionStatus.DRAFT);
        assertThat(restored.rename("Back", EDITOR, T1).name()).isEqualTo("Back");
    }

    @Test
    void versionCountsEveryChangeAndKeepsTheRest() {
        ProductCollection c = collection(null);
        assertThat(c.status()).isEqualTo(CollectionStatus.DRAFT);
        assertThat(c.sortOrder()).isEqualTo(SortOrder.NAME);
        assertThat(c.ruleSet()).isEqualTo(RuleSet.NONE);
        assertThat(c.version()).isEqualTo(1);
        c = c.rename("  Autumn ", EDITOR, T1);
        assertThat(c.name()).isEqualTo("Autumn");
        c = c.changeImage("image-1", EDITOR, T1);
        c = c.changeStatus(CollectionStatus.ENABLED, EDITOR, T1);
        c = c.changeStatus(CollectionStatus.DISABLED, EDITOR, T1);
        c = c.changeSortOrder(SortOrder.MANUAL, EDITOR, T1);
        c = c.touch(EDITOR, T1);
        c = c.changeStatus(CollectionStatus.ARCHIVED, EDITOR, T1);
        c = c.changeStatus(CollectionStatus.ARCHIVED, EDITOR, T1);
        c = c.changeStatus(CollectionStatus.DRAFT, EDITOR, T1);
        assertThat(c.version()).isEqualTo(9);
        assertThat(c.name()).isEqualTo("Autumn");
        assertThat(c.imageId()).isEqualTo("image-1");
        assertThat(c.sortOrder()).isEqualTo(SortOrder.MANUAL);
        assertThat(c.withProductCount(5).version()).isEqualTo(9);
        assertThat(c.withProductCount(5).productCount()).isEqualTo(5);
    }

    @Test
    void editsCheckTheirInput() {
        ProductCollection c = collection(CollectionStatus.DRAFT);
        assertThatThrownBy(() -> c.rename(" ", EDITOR, T1)).hasMessageContaining("name");
        assertThatThrownBy(() -> c.changeImage("", EDITOR, T1)).hasMessageContaining("image_id");
        assertThatThrownBy(() -> c.changeImage("i".repeat(256), EDITOR, T1)).hasMessageContaining("image_id");
        assertThat(c.changeImage(null, EDITOR, T1).imageId()).isNull();
    }
}
