package io.collections.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of SPEC section 2, checked over every production class of every module. */
class ArchitectureTest {
    private static final ArchitectureRules RULES = new ArchitectureRules("io.collections");
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.collections");
    }

    @Test
    void everyModuleIsImported() {
        assertThat(production.containPackage("io.collections.domain.collection")).isTrue();
        assertThat(production.containPackage("io.collections.application.collection")).isTrue();
        assertThat(production.containPackage("io.collections.bootstrap")).isTrue();
        assertThat(production.containPackage("io.collections.adapter.http")).isTrue();
        assertThat(production.containPackage("io.collections.adapter.jdbc")).isTrue();
    }

    @Test
    void theDomainDependsOnTheJdkOnly() {
        RULES.domainUsesOnlyTheJdk().check(production);
    }

    @Test
    void theApplicationDependsOnTheDomainOnly() {
        RULES.applicationUsesOnlyTheDomain().check(production);
    }

    @Test
    void noAdapterDependsOnAnother() {
        for (ArchRule rule : RULES.noAdapterUsesAnother()) {
            rule.check(production);
        }
    }

    @Test
    void nothingDependsOnBootstrap() {
        RULES.nothingUsesBootstrap().check(production);
    }

    @Test
    void thereAreNoPackageCycles() {
        RULES.noPackageCycles().check(production);
    }
}
