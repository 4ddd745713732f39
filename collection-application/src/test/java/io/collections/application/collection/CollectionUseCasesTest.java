package io.collections.application.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.application.AccessDeniedException;
import io.collections.application.Caller;
import io.collections.application.PreconditionFailedException;
import io.collections.application.Role;
import io.collections.application.UseCaseFixture;
import io.collections.domain.CollectionId;
import io.collections.domain.ConflictException;
import io.collections.domain.NotFoundException;
import io.collections.domain.PageRequest;
import io.collections.domain.collection.CollectionFilter;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.Product;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionUseCasesTest {
    private final UseCaseFixture app = new UseCaseFixture();
    private final Caller owner = Caller.of("acme", "alice", Role.OWNER);
    private final Caller viewer = Caller.of("acme", "victor", Role.VIEWER);
    private final Caller otherClient = Caller.of("globex", "gina", Role.ADMIN);

    private static RuleSet gadgets() {
        return new RuleSet(List.of(InclusionRule.of("product_type", null, "Gadget")), true);
    }

    @Test
    void aNewCollectionCountsItsRuleMatchesAtOnce() {
        app.product(owner, "Phone", "gadget");
        app.product(owner, "Lamp", "Furniture");
        app.product(owner, "Watch", "GADGET");

        ProductCollection created = app.createCollection.execute(owner,
                new CreateCollection.Command("Gadgets", null, null, gadgets(), null));

        assertThat(created.productCount()).isEqualTo(2);
        assertThat(created.status()).isEqualTo(CollectionStatus.DRAFT);
        assertThat(created.createdBy().value()).isEqualTo("alice");
        assertThat(app.memberNames(owner, created.id())).containsExactly("Phone", "Watch");
    }

    @Test
    void membershipFollowsRuleChangesProductChangesAndHandPicks() {
        Product phone = app.product(owner, "Phone", "Gadget");
        Product lamp = app.product(owner, "Lamp", "Furniture");
        CollectionId id = app.createCollection.execute(owner,
                new CreateCollection.Command("Gadgets", null, null, gadgets(), SortOrder.NAME)).id();

        app.addProduct.execute(owner, id, lamp.id());
        app.addProduct.execute(owner, id, lamp.id());
        assertThat(app.memberNames(owner, id)).containsExactly("Lamp", "Phone");

        app.removeProduct.execute(owner, id, phone.id());
        assertThat(app.memberNames(owner, id)).containsExactly("Lamp");
        app.updateProduct.execute(owner, new io.collections.application.product.UpdateProduct.Command(phone.id(),
                b -> b.name("Phone 2")));
        assertThat(app.memberNames(owner, id)).as("removed by hand stays out while rules match").containsExactly("Lamp");

        app.addProduct.execute(owner, id, phone.id());
        assertThat(app.getCollection.execute(owner, id).productCount()).isEqualTo(2);

        Product watch = app.product(owner, "Watch", "gadget");
        assertThat(app.getCollection.execute(owner, id).productCount()).isEqualTo(3);

        app.deleteProduct.execute(owner, watch.id());
        assertThat(app.getCollection.execute(owner, id).productCount()).isEqualTo(2);

        app.updateCollection.execute(owner, UpdateCollection.Command.of(id).withRules(List.of()));
        assertThat(app.memberNames(owner, id)).containsExactly("Lamp", "Phone 2");
    }

    @Test
    void removingANonMemberIsNotFound() {
        Product lamp = app.product(owner, "Lamp", "Furniture");
        CollectionId id = app.createCollection.execute(owner, CreateCollection.Command.named("Empty")).id();

        assertThatThrownBy(() -> app.removeProduct.execute(owner, id, lamp.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theLifecycleIsEnforcedAndAnArchivedCollectionIsReadOnly() {
        Product lamp = app.product(owner, "Lamp", "Furniture");
        CollectionId id = app.createCollection.execute(owner, CreateCollection.Command.named("Seasonal")).id();

        app.updateCollection.execute(owner, UpdateCollection.Command.of(id).withStatus(CollectionStatus.ARCHIVED));

        assertThatThrownBy(() -> app.updateCollection.execute(owner,
                UpdateCollection.Command.of(id).withStatus(CollectionStatus.ENABLED)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("DRAFT");
        assertThatThrownBy(() -> app.updateCollection.execute(owner, UpdateCollection.Command.of(id).withName("New")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> app.addProduct.execute(owner, id, lamp.id())).isInstanceOf(ConflictException.class);

        ProductCollection restored = app.updateCollection.execute(owner,
                UpdateCollection.Command.of(id).withStatus(CollectionStatus.DRAFT).withName("Restored"));
        assertThat(restored.status()).isEqualTo(CollectionStatus.DRAFT);
        assertThat(restored.name()).isEqualTo("Restored");
    }

    @Test
    void ifMatchMustNameTheCurrentVersion() {
        ProductCollection created = app.createCollection.execute(owner, CreateCollection.Command.named("Versioned"));

        assertThatThrownBy(() -> app.updateCollection.execute(owner,
                UpdateCollection.Command.of(created.id()).withName("Other").withExpectedVersion(created.version() + 1)))
                .isInstanceOf(PreconditionFailedException.class);

        ProductCollection renamed = app.updateCollection.execute(owner,
                UpdateCollection.Command.of(created.id()).withName("Other").withExpectedVersion(created.version()));
        assertThat(renamed.version()).isGreaterThan(created.version());
    }

    @Test
    void viewersReadAndNothingElse() {
        CollectionId id = app.createCollection.execute(owner, CreateCollection.Command.named("Shared")).id();

        assertThat(app.getCollection.execute(viewer, id).name()).isEqualTo("Shared");
        assertThatThrownBy(() -> app.createCollection.execute(viewer, CreateCollection.Command.named("Nope")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> app.deleteCollection.execute(viewer, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> app.getCollection.execute(Caller.of("acme", "nobody"), id))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherClientsCollectionsAndProductsDoNotExistForYou() {
        Product phone = app.product(owner, "Phone", "Gadget");
        CollectionId id = app.createCollection.execute(owner,
                new CreateCollection.Command("Gadgets", null, null, gadgets(), null)).id();
        app.product(otherClient, "Their phone", "Gadget");
        ProductCollection theirs = app.createCollection.execute(otherClient,
                new CreateCollection.Command("Gadgets", null, null, gadgets(), null));

        assertThat(theirs.productCount()).as("rules never match another client's products").isEqualTo(1);
        assertThatThrownBy(() -> app.getCollection.execute(otherClient, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.deleteCollection.execute(otherClient, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.addProduct.execute(otherClient, theirs.id(), phone.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(app.listCollections.execute(otherClient, CollectionFilter.ALL, PageRequest.first(10)).items())
                .extracting(ProductCollection::id).containsExactly(theirs.id());
        assertThat(app.getCollection.execute(owner, id).productCount()).isEqualTo(1);
    }

    @Test
    void deletingACollectionKeepsItsProducts() {
        Product phone = app.product(owner, "Phone", "Gadget");
        CollectionId id = app.createCollection.execute(owner,
                new CreateCollection.Command("Gadgets", null, null, gadgets(), null)).id();

        app.deleteCollection.execute(owner, id);

        assertThatThrownBy(() -> app.getCollection.execute(owner, id)).isInstanceOf(NotFoundException.class);
        assertThat(app.getProduct.execute(owner, phone.id()).details().name()).isEqualTo("Phone");
    }
}
