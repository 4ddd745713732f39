package io.collections.application.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.application.Caller;
import io.collections.application.Role;
import io.collections.application.UseCaseFixture;
import io.collections.application.collection.CreateCollection;
import io.collections.domain.CollectionId;
import io.collections.domain.InvalidInputException;
import io.collections.domain.NotFoundException;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import io.collections.domain.product.Product;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductUseCasesTest {
    private final UseCaseFixture app = new UseCaseFixture();
    private final Caller owner = Caller.of("acme", "alice", Role.DATA_EDITOR);

    @Test
    void aBatchIsWholeOrNothing() {
        CollectionId cheap = app.createCollection.execute(owner, new CreateCollection.Command("Cheap", null, null,
                new RuleSet(List.of(InclusionRule.of("price", "less_than", "10")), true), null)).id();
        Product existing = app.product(owner, "Existing", "Gadget");

        List<UpsertProducts.Item> items = List.of(
                new UpsertProducts.Item(null, b -> b.name("Pen").price(new BigDecimal("2.50"))),
                new UpsertProducts.Item(existing.id(), b -> b.price(new BigDecimal("5"))),
                new UpsertProducts.Item(null, b -> b.name("  ")));

        assertThatThrownBy(() -> app.upsertProducts.execute(owner, items))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[2].name");
        assertThat(app.listProducts.execute(owner, PageRequest.first(10)).items()).hasSize(1);
        assertThat(app.getProduct.execute(owner, existing.id()).details().price()).isNull();
        assertThat(app.getCollection.execute(owner, cheap).productCount()).isZero();

        List<Product> saved = app.upsertProducts.execute(owner, items.subList(0, 2));
        assertThat(saved).extracting(p -> p.details().name()).containsExactly("Pen", "Existing");
        assertThat(app.getCollection.execute(owner, cheap).productCount()).isEqualTo(2);
    }

    @Test
    void aBatchRefusesUnknownIdsRepeatsAndOversize() {
        assertThatThrownBy(() -> app.upsertProducts.execute(owner,
                List.of(new UpsertProducts.Item(new ProductId(424242), b -> b.name("x")))))
                .isInstanceOf(NotFoundException.class);
        Product existing = app.product(owner, "Existing", "Gadget");
        assertThatThrownBy(() -> app.upsertProducts.execute(owner, List.of(
                new UpsertProducts.Item(existing.id(), b -> b.name("a")),
                new UpsertProducts.Item(existing.id(), b -> b.name("b")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[1].id");
        List<UpsertProducts.Item> tooMany = new ArrayList<>();
        for (int i = 0; i <= UpsertProducts.MAX_ITEMS; i++) {
            tooMany.add(new UpsertProducts.Item(null, b -> b.name("p")));
        }
        assertThatThrownBy(() -> app.upsertProducts.execute(owner, tooMany)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> app.upsertProducts.execute(owner, List.of())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void productsListNewestFirstAndPageExactlyOnce() {
        List<ProductId> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(app.product(owner, "P" + i, "T").id());
        }
        List<ProductId> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = app.listProducts.execute(owner, new PageRequest(5, cursor));
            page.items().forEach(p -> seen.add(p.id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThat(seen.get(0)).as("same instant: the higher id first").isEqualTo(created.get(22));
    }

    @Test
    void anUnchangedUpdateKeepsTheProductAsItWas() {
        Product phone = app.product(owner, "Phone", "Gadget");

        Product same = app.updateProduct.execute(owner, new UpdateProduct.Command(phone.id(), b -> b.name("Phone")));

        assertThat(same).isEqualTo(phone);
    }
}
